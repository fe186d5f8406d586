package org.latentlab.classroom.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.EngineStatus;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ShippedModels;

/** The admin's page: the deep-learning engine's health, and the accounts (admins create teacher accounts here). */
@Route("admin")
@Menu(order = 90, icon = "vaadin:cog", title = "nav.admin")
@RolesAllowed(Role.Names.ADMIN)
public class AdminView extends FeaturePage {

    private final AccountService accounts;
    private final Grid<AccountSummary> accountGrid = new Grid<>();

    AdminView(AccountService accounts, DeepLearningEngine engine, ShippedModels shippedModels) {
        super("admin.title", "admin.intro");
        this.accounts = accounts;
        add(new H2(getTranslation("admin.engine")), engineCard(engine.status()));
        add(new H2(getTranslation("admin.models")), modelsGrid(shippedModels));

        add(new H2(getTranslation("admin.registration")));
        Checkbox needsCode = new Checkbox(getTranslation("admin.registration.needsCode"),
                accounts.registrationNeedsJoinCode());
        needsCode.setId("registration-needs-code");
        needsCode.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                accounts.setRegistrationNeedsJoinCode(change.getValue());
                FieldErrors.success(getTranslation(change.getValue() ? "admin.registration.closed"
                        : "admin.registration.open"));
            }
        });
        add(needsCode);

        add(new H2(getTranslation("admin.newTeacher")));
        AccountForm form = new AccountForm(this, false);
        form.setMaxWidth("32em");
        Button create = new Button(getTranslation("admin.createTeacher"));
        create.setId("create-teacher");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(click -> {
            try {
                AccountSummary teacher = accounts.createTeacher(form.value());
                form.errors.clear();
                form.username.clear();
                form.displayName.clear();
                form.password.clear();
                form.passwordRepeat.clear();
                FieldErrors.success(getTranslation("admin.teacherCreated", teacher.username()));
                refresh();
            } catch (InvalidInputException problem) {
                form.errors.show(problem);
            } finally {
                create.setEnabled(true);
            }
        });
        add(form, create);

        add(new H2(getTranslation("admin.accounts")));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        accountGrid.addColumn(AccountSummary::username).setHeader(getTranslation("account.username"));
        accountGrid.addColumn(AccountSummary::displayName).setHeader(getTranslation("common.name"));
        accountGrid.addColumn(a -> getTranslation("role." + a.role().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("admin.role"));
        accountGrid.addColumn(a -> dates.format(a.createdAt())).setHeader(getTranslation("admin.createdAt"));
        accountGrid.setAllRowsVisible(true);
        add(accountGrid);
        refresh();
    }

    private Div engineCard(EngineStatus status) {
        Div card = new Div();
        card.setId("engine-status");
        card.addClassNames("ll-card", "ll-engine");
        Span state = new Span(getTranslation(switch (status.state()) {
            case READY -> "admin.engine.ready";
            case WARMING_UP -> "admin.engine.warmingUp";
            case UNAVAILABLE -> "admin.engine.missing";
        }));
        state.getElement().getThemeList().add(switch (status.state()) {
            case READY -> "badge success";
            case WARMING_UP -> "badge contrast";
            case UNAVAILABLE -> "badge error";
        });
        card.add(state);
        card.add(line("admin.engine.name", status.engineName() + " " + (status.engineVersion() == null
                ? "" : status.engineVersion()), true));
        card.add(line("admin.engine.djl", String.valueOf(status.djlVersion()), true));
        card.add(line("admin.engine.threads", getTranslation("admin.engine.threadsValue", status.intraOpThreads(),
                status.interOpThreads()), false));
        card.add(line("admin.engine.offline", getTranslation(status.offline() ? "common.yes" : "common.no"), false));
        card.add(line("admin.engine.cache", String.valueOf(status.cacheDir()), true));
        card.add(line("admin.engine.loadTime", getTranslation("common.milliseconds", status.loadTime().toMillis()),
                false));
        if (status.problem() != null) {
            Paragraph problem = new Paragraph(status.problem());
            problem.addClassName("ll-problem");
            card.add(problem);
        }
        return card;
    }

    private Grid<ModelKind> modelsGrid(ShippedModels shippedModels) {
        Grid<ModelKind> grid = new Grid<>();
        grid.setId("shipped-models");
        grid.addColumn(ShippedModels::folderName).setHeader(getTranslation("admin.models.kind"));
        grid.addColumn(kind -> shippedModels.get(kind)
                .map(model -> getTranslation("admin.models.ready", model.metadata().epochs()))
                .orElseGet(() -> getTranslation("admin.models.missing",
                        shippedModels.problems().getOrDefault(kind, "?"))))
                .setHeader(getTranslation("admin.models.state")).setFlexGrow(3);
        grid.setItems(ShippedModels.KINDS);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A label and its value; {@code code} values (versions, paths) stay left-to-right in Hebrew too. */
    private Div line(String labelKey, String value, boolean code) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("ll-label");
        Span shown = new Span(value);
        shown.addClassName(code ? "ll-code" : "ll-value");
        Div row = new Div(label, shown);
        row.addClassName("ll-row");
        return row;
    }

    private void refresh() {
        accountGrid.setItems(accounts.allAccounts());
    }
}
