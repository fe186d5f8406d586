package org.latentlab.playground.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.RateLimits;
import org.latentlab.base.ui.ClientKeys;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.RouteLocation;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.ModelKind;
import org.latentlab.widgets.WarmingUp;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.playground.ModelChoice;

/**
 * The Playground: one model's latent space in six views (map, grid, sliders, paths, drawing, noise and
 * resolution). The model picker offers the shipped models and the student's own finished Lab runs; the address
 * keeps the choice ({@code ?model=shipped:vae-2d&view=grid}) and the Lab links here with {@code ?run=<id>}.
 * Visitors may use the shipped models; a run's model is checked on the server like the run itself.
 */
@Route("playground")
@Menu(order = 40, icon = "vaadin:scatter-chart", title = "nav.playground")
@AnonymousAllowed
public class PlaygroundView extends FeaturePage implements BeforeEnterObserver {

    /** The views, in tab order, by the name the address uses. */
    enum View {
        MAP, GRID, SLIDERS, PATH, DRAW, NOISE;

        String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<View> bySlug(String slug) {
            for (View view : values()) {
                if (view.slug().equals(slug)) {
                    return Optional.of(view);
                }
            }
            return Optional.empty();
        }
    }

    private final LatentSpaces spaces;
    private final HeldOutDigits digits;
    private final CurrentUser currentUser;
    private final DeepLearningEngine engine;
    private final RateLimits limits;
    private final Select<ModelChoice> picker = new Select<>();
    private final Paragraph modelInfo = new Paragraph();
    private final Div notice = new Div();
    private final TabSheet tabs = new TabSheet();
    private final Map<View, Tab> tabByView = new LinkedHashMap<>();
    private final Map<View, Div> contentByView = new LinkedHashMap<>();
    private final Map<View, String> builtFor = new LinkedHashMap<>();
    private LatentSpace space;
    private String noiseModel;
    private boolean ready;

    PlaygroundView(LatentSpaces spaces, HeldOutDigits digits, CurrentUser currentUser, DeepLearningEngine engine,
            RateLimits limits) {
        super("playground.title", "playground.intro");
        this.limits = limits;
        this.spaces = spaces;
        this.digits = digits;
        this.currentUser = currentUser;
        this.engine = engine;
        setId("playground-view");
        notice.setId("playground-notice");
        picker.setId("playground-model");
        picker.setLabel(getTranslation("playground.model"));
        picker.setItemLabelGenerator(choice -> ModelLabels.withSize(this, choice));
        picker.setWidth("min(100%, 34em)");
        modelInfo.addClassName("ll-model-info");
        modelInfo.setId("playground-model-info");
        for (View view : View.values()) {
            Div content = new Div();
            content.addClassName("ll-playground-panel");
            content.setId("panel-" + view.slug());
            Tab tab = tabs.add(getTranslation("playground.view." + view.slug()), content);
            tab.setId("tab-" + view.slug());
            tabByView.put(view, tab);
            contentByView.put(view, content);
        }
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            if (ready) {
                showSelected();
                updateAddress();
            }
        });
        picker.addValueChangeListener(e -> {
            if (ready && e.getValue() != null && e.isFromClient()) {
                open(e.getValue().id());
                updateAddress();
            }
        });
        add(notice, picker, modelInfo, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (WarmingUp.holdsPage(notice, engine)) {
            picker.setVisible(false);
            modelInfo.setVisible(false);
            tabs.setVisible(false);
            return;
        }
        QueryParameters query = event.getLocation().getQueryParameters();
        List<ModelChoice> choices = spaces.choices(LatentSpaces.latentKinds());
        picker.setItems(choices);
        notice.removeAll();
        Optional<String> asked = query.getSingleParameter("model");
        Optional<String> run = query.getSingleParameter("run");
        View view = query.getSingleParameter("view").flatMap(View::bySlug).orElse(View.MAP);
        String wanted = null;
        if (run.isPresent()) {
            wanted = runModelId(run.get());
        } else if (asked.isPresent()) {
            wanted = asked.get();
        }
        if (choices.isEmpty()) {
            showNotice(getTranslation("playground.model.noneLoaded"));
            tabs.setVisible(false);
            picker.setVisible(false);
            ready = true;
            return;
        }
        String fallback = spaces.shippedId(ModelKind.VAE_2D).orElse(choices.getFirst().id());
        if (wanted == null || !open(wanted)) {
            open(fallback);
        }
        // A run of a denoising or super-resolution model opens in the view that uses it.
        if (space != null && run.isPresent() && query.getSingleParameter("view").isEmpty()
                && (space.kind() == ModelKind.DENOISING_AE || space.kind() == ModelKind.SUPER_RESOLUTION_AE)) {
            view = View.NOISE;
            noiseModel = space.modelId();
        }
        if (currentUser.get().isEmpty()) {
            Paragraph visitor = new Paragraph(getTranslation("playground.visitorHint"));
            visitor.addClassName("ll-field-note");
            notice.add(visitor);
        }
        tabs.setSelectedTab(tabByView.get(view));
        ready = true;
        showSelected();
    }

    private String runModelId(String run) {
        try {
            return ModelChoice.runId(UUID.fromString(run));
        } catch (IllegalArgumentException malformed) {
            return "run:" + run;
        }
    }

    /** Opens a model; a refused or broken one leaves a message and the previous model. */
    private boolean open(String modelId) {
        try {
            LatentSpace opened = spaces.open(modelId);
            space = opened;
            if (picker.getListDataView().getItems().noneMatch(c -> c.id().equals(opened.modelId()))) {
                // A student's run opened by their teacher is not in the teacher's own list: add it for this page.
                picker.getListDataView().addItem(opened.choice());
            }
            picker.getListDataView().getItems().filter(c -> c.id().equals(opened.modelId())).findFirst()
                    .ifPresent(picker::setValue);
            modelInfo.setText(describe(opened));
            builtFor.clear();
            if (ready) {
                showSelected();
            }
            return true;
        } catch (InvalidInputException refused) {
            showNotice(getTranslation(refused.messageKey(), refused.arguments()));
            if (space != null) {
                picker.setValue(space.choice());
            }
            return false;
        }
    }

    private void showNotice(String text) {
        notice.removeAll();
        Paragraph line = new Paragraph(text);
        line.addClassName("ll-notice");
        line.getElement().setAttribute("role", "alert");
        notice.add(line);
    }

    private String describe(LatentSpace opened) {
        if (opened.plane().projected()) {
            return getTranslation("playground.model.projected", opened.latentSize(),
                    Math.round(opened.plane().explained() * 100));
        }
        return getTranslation("playground.model.twoD");
    }

    /** Builds the selected view for the current model, once per model. */
    private void showSelected() {
        View view = selectedView();
        // Noise and resolution has its own pickers for the two models it uses.
        picker.setVisible(view != View.NOISE);
        modelInfo.setVisible(view != View.NOISE);
        String key = view == View.NOISE ? "noise" : space == null ? "" : space.modelId();
        if (key.equals(builtFor.get(view))) {
            return;
        }
        Div content = contentByView.get(view);
        content.removeAll();
        Supplier<Component> panel = switch (view) {
            case MAP -> () -> new MapPanel(space, digits);
            case GRID -> () -> new GridPanel(space, budget());
            case SLIDERS -> () -> new SlidersPanel(space, digits);
            case PATH -> () -> new PathPanel(space, digits, budget());
            case DRAW -> () -> new DrawPanel(space, spaces);
            case NOISE -> () -> new NoisePanel(spaces, digits, noiseModel);
        };
        if (space == null && view != View.NOISE) {
            return;
        }
        content.add(panel.get());
        builtFor.put(view, key);
    }

    private DecodeBudget budget() {
        String client = ClientKeys.current(currentUser);
        RateLimits rateLimits = limits;
        return decodes -> rateLimits.take(RateLimits.Limit.BATCH_DECODE, client, decodes);
    }

    private View selectedView() {
        for (Map.Entry<View, Tab> entry : tabByView.entrySet()) {
            if (entry.getValue().equals(tabs.getSelectedTab())) {
                return entry.getKey();
            }
        }
        return View.MAP;
    }

    private void updateAddress() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (space != null) {
            parameters.put("model", space.modelId());
        }
        parameters.put("view", selectedView().slug());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(RouteLocation.of(PlaygroundView.class), QueryParameters.simple(parameters))));
    }

}
