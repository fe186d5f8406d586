package org.latentlab.quiz.ui;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.BackgroundImports;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.UploadTexts;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizCatalog;
import org.latentlab.quiz.QuizImportService;
import org.latentlab.quiz.QuizImportService.Format;
import org.latentlab.quiz.format.ExportOutcome;
import org.latentlab.quiz.format.ImportNote;
import org.latentlab.quiz.format.ImportOutcome;
import org.latentlab.quiz.format.QuizFormatException;

/**
 * For admins: reload the quiz files, import quizzes from quiz-app JSON or GIFT (report and preview first, nothing
 * stored before "Add"), and export a quiz to either format.
 */
@Route("quizzes/manage")
@Menu(order = 59, icon = "vaadin:cog", title = "nav.quizAdmin")
@RolesAllowed(Role.Names.ADMIN)
public class QuizAdminView extends FeaturePage {

    private static final Logger LOG = LoggerFactory.getLogger(QuizAdminView.class);

    private final QuizImportService imports;
    private final BackgroundImports background;
    private int attempts;
    private final Select<Format> format = new Select<>();
    private final Select<Language> language = new Select<>();
    /** The language of an imported file's texts: any language, typed as its tag if it is not one of the six. */
    private final ComboBox<ContentLanguage> textLanguage = new ComboBox<>();
    private final List<ContentLanguage> textLanguages = new ArrayList<>(Arrays.stream(Language.values())
            .map(ContentLanguage::of).toList());
    private final Grid<ImportNote> report = new Grid<>();
    private final Grid<Quiz> read = new Grid<>();
    private final Button add = new Button();
    private final Paragraph status = new Paragraph();
    private List<Quiz> pending = List.of();

    QuizAdminView(QuizCatalog catalog, QuizImportService imports, BackgroundImports background) {
        super("quizAdmin.title", "quizAdmin.intro");
        this.imports = imports;
        this.background = background;
        Language shown = Language.fromLocale(getLocale());

        Paragraph loaded = new Paragraph();
        loaded.setId("quiz-reload-report");
        Button reload = new Button(getTranslation("quizAdmin.reload"), e -> {
            QuizCatalog.LoadReport result = catalog.reload();
            loaded.setText(getTranslation("quizAdmin.reloaded", result.loaded().size(), result.newVersions().size(),
                    result.problems().isEmpty() ? "–" : String.join(" | ", result.problems())));
        });
        reload.setId("quiz-reload");
        add(new H2(getTranslation("quizAdmin.files")), reload, loaded);

        format.setLabel(getTranslation("quizAdmin.format"));
        format.setItems(Format.values());
        format.setItemLabelGenerator(f -> getTranslation("quizAdmin.format." + f.cliName()));
        format.setValue(Format.GIFT);
        language.setLabel(getTranslation("lessonImport.language"));
        language.setItems(Language.values());
        language.setItemLabelGenerator(Language::nativeName);
        language.setValue(shown);
        textLanguage.setLabel(getTranslation("lessonImport.language"));
        textLanguage.setItems(textLanguages);
        textLanguage.setItemLabelGenerator(l -> l.nativeName() + " (" + l.tag() + ")");
        textLanguage.setAllowCustomValue(true);
        textLanguage.setHelperText(getTranslation("lessonImport.languageHelp"));
        textLanguage.setValue(ContentLanguage.of(shown));
        textLanguage.setId("quiz-import-language");
        textLanguage.addCustomValueSetListener(e -> ContentLanguage.parse(e.getDetail()).ifPresentOrElse(typed -> {
            textLanguage.setInvalid(false);
            if (!textLanguages.contains(typed)) {
                textLanguages.add(typed);
                textLanguage.setItems(textLanguages);
            }
            textLanguage.setValue(typed);
        }, () -> {
            textLanguage.setErrorMessage(getTranslation("lesson.import.unsupportedLanguage", e.getDetail(),
                    "en, ar, ja, zh-Hant, pt-BR"));
            textLanguage.setInvalid(true);
        }));
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> received(metadata.fileName(), bytes)))));
        upload.setMaxFileSize(2 * 1024 * 1024);
        upload.setMaxFiles(1);
        UploadTexts.translate(upload, this);
        upload.setAcceptedFileTypes(".json", ".gift", ".txt", "application/json", "text/plain");
        upload.setId("quiz-upload");
        upload.addFileRejectedListener(e -> fail(getTranslation("lessonImport.rejected", e.getErrorMessage())));
        report.addColumn(n -> getTranslation("lessonImport.severity." + n.severity().name().toLowerCase()))
                .setHeader(getTranslation("lessonImport.severity"))
                .setAutoWidth(true).setFlexGrow(0);
        report.addColumn(ImportNote::where).setHeader(getTranslation("quizAdmin.where")).setAutoWidth(true);
        report.addColumn(ImportNote::message).setHeader(getTranslation("lessonImport.message")).setFlexGrow(1);
        report.setAllRowsVisible(true);
        report.setVisible(false);
        read.addColumn(Quiz::id).setHeader("id").setAutoWidth(true);
        read.addColumn(q -> q.title().in(shown)).setHeader(getTranslation("analysis.quiz"));
        read.addColumn(q -> q.questions().size()).setHeader(getTranslation("quizAdmin.questions"));
        read.setAllRowsVisible(true);
        read.setVisible(false);
        add.setText(getTranslation("quizAdmin.add"));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setEnabled(false);
        add.setId("quiz-import-add");
        add.addClickListener(e -> {
            int count = imports.add(pending).size();
            add.setEnabled(false);
            status.setText(getTranslation("quizAdmin.added", count));
            Notification.show(getTranslation("quizAdmin.added", count)).addThemeVariants(NotificationVariant.SUCCESS);
        });
        status.setId("quiz-import-status");
        add(new H2(getTranslation("quizAdmin.import")), new HorizontalLayout(format, textLanguage), upload, status,
                report, read, add);

        Select<QuizCatalog.QuizVersion> exported = new Select<>();
        exported.setLabel(getTranslation("analysis.quiz"));
        exported.setItems(catalog.active());
        exported.setItemLabelGenerator(v -> v.quiz().title().in(shown));
        exported.setWidth("24em");
        Select<Format> exportFormat = new Select<>();
        exportFormat.setLabel(getTranslation("quizAdmin.format"));
        exportFormat.setItems(Format.values());
        exportFormat.setItemLabelGenerator(f -> getTranslation("quizAdmin.format." + f.cliName()));
        exportFormat.setValue(Format.GIFT);
        Anchor download = new Anchor();
        download.setText(getTranslation("quizAdmin.download"));
        download.getElement().setAttribute("download", true);
        download.setId("quiz-export");
        Runnable link = () -> {
            if (exported.getValue() == null || exportFormat.getValue() == null) {
                return;
            }
            String quizId = exported.getValue().quiz().id();
            Format chosen = exportFormat.getValue();
            Language lang = language.getValue();
            download.setHref(DownloadHandler.fromInputStream(event -> {
                ExportOutcome outcome = imports.export(quizId, chosen, lang);
                byte[] bytes = outcome.bytes();
                String name = quizId + "-" + lang.code() + (chosen == Format.GIFT ? ".gift" : ".json");
                return new DownloadResponse(new ByteArrayInputStream(bytes), name,
                        chosen == Format.GIFT ? "text/plain;charset=utf-8" : "application/json", bytes.length);
            }));
        };
        exported.addValueChangeListener(e -> link.run());
        exportFormat.addValueChangeListener(e -> link.run());
        language.addValueChangeListener(e -> link.run());
        catalog.active().stream().findFirst().ifPresent(exported::setValue);
        HorizontalLayout exportBar = new HorizontalLayout(exported, exportFormat, language, download);
        exportBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("quizAdmin.export")), exportBar);
    }

    private void received(String fileName, byte[] bytes) {
        pending = List.of();
        add.setEnabled(false);
        status.removeClassName("ll-problem");
        status.setText(getTranslation("import.reading"));
        report.setVisible(false);
        read.setVisible(false);
        Format chosenFormat = format.getValue();
        ContentLanguage chosenLanguage = textLanguage.getValue() == null ? ContentLanguage.of(Language.fromLocale(
                getLocale())) : textLanguage.getValue();
        int attempt = ++attempts;
        UI ui = UI.getCurrent();
        background.submit(() -> imports.preview(bytes, fileName, chosenFormat, chosenLanguage))
                .whenComplete((outcome, failure) -> ui.access(() -> {
                    if (attempt == attempts) {
                        show(outcome, failure);
                    }
                }));
    }

    private void show(ImportOutcome outcome, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        switch (cause) {
            case null -> showOutcome(outcome);
            case QuizFormatException refused -> fail(refused.getMessage());
            case TimeoutException slow -> fail(getTranslation("import.tooSlow", background.limit().toSeconds()));
            case BackgroundImports.Busy busy -> fail(getTranslation("import.busy"));
            default -> {
                LOG.warn("Reading the quiz file failed", cause);
                fail(getTranslation("import.failed"));
            }
        }
    }

    private void showOutcome(ImportOutcome outcome) {
        pending = outcome.quizzes();
        report.setItems(outcome.notes());
        report.setVisible(!outcome.notes().isEmpty());
        read.setItems(pending);
        read.setVisible(true);
        add.setEnabled(!pending.isEmpty());
        status.setText(getTranslation("quizAdmin.read", pending.size(),
                pending.stream().mapToInt(q -> q.questions().size()).sum()));
    }

    private void fail(String message) {
        status.setText(message);
        status.addClassName("ll-problem");
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
    }
}
