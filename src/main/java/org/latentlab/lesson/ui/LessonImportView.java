package org.latentlab.lesson.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.BackgroundImports;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.UploadTexts;
import org.latentlab.lesson.LessonImportService;
import org.latentlab.lesson.LessonImportService.ImportPreview;
import org.latentlab.lesson.LessonRenderer;
import org.latentlab.lesson.LessonRoutes;
import org.latentlab.lesson.importer.ImportMessage;
import org.latentlab.lesson.importer.LessonImporter;

/**
 * Teachers and admins import a lesson file of the public curriculum: upload, read the report and a preview of the
 * cleaned lesson, then save it as a new version. Nothing is stored before "Save".
 */
@Route("lessons/import")
@Menu(order = 56, icon = "vaadin:upload", title = "nav.lessonImport")
@RolesAllowed(Role.Names.TEACHER)
public class LessonImportView extends FeaturePage {

    static final int MAX_BYTES = 1_048_576;
    private static final Logger LOG = LoggerFactory.getLogger(LessonImportView.class);

    private final LessonImportService imports;
    private final BackgroundImports background;
    private final LessonRenderer renderer;
    private final ComboBox<ContentLanguage> language = new ComboBox<>();
    private final List<ContentLanguage> languages = new ArrayList<>(Arrays.stream(Language.values())
            .map(ContentLanguage::of).toList());
    private final TextField lessonId = new TextField();
    private final Grid<ImportMessage> report = new Grid<>();
    private final Div preview = new Div();
    private final Button save = new Button();
    private final Paragraph status = new Paragraph();
    private ImportPreview current;
    private byte[] lastFile;
    private String lastName;
    private int attempts;

    LessonImportView(LessonImportService imports, LessonRenderer renderer, BackgroundImports background) {
        super("lessonImport.title", "lessonImport.intro");
        this.imports = imports;
        this.background = background;
        this.renderer = renderer;

        language.setLabel(getTranslation("lessonImport.language"));
        // The interface's six are offered; any other language is typed as its tag (ar, ja, zh-Hant).
        language.setItems(languages);
        language.setItemLabelGenerator(l -> l.nativeName() + " (" + l.tag() + ")");
        language.setAllowCustomValue(true);
        language.setHelperText(getTranslation("lessonImport.languageHelp"));
        language.setValue(ContentLanguage.of(Language.fromLocale(getLocale())));
        language.setId("import-language");
        language.addCustomValueSetListener(e -> ContentLanguage.parse(e.getDetail()).ifPresentOrElse(typed -> {
            language.setInvalid(false);
            chooseLanguage(typed);
            if (lastFile != null) {
                read(lastName, lastFile);
            }
        }, () -> {
            language.setErrorMessage(getTranslation("lesson.import.unsupportedLanguage", e.getDetail(),
                    LessonImporter.EXAMPLE_TAGS));
            language.setInvalid(true);
        }));
        lessonId.setLabel(getTranslation("lessonImport.lessonId"));
        lessonId.setHelperText(getTranslation("lessonImport.lessonIdHelp"));
        lessonId.setId("import-lesson-id");
        lessonId.setMaxLength(64);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> received(metadata.fileName(), bytes)))));
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        UploadTexts.translate(upload, this);
        upload.setAcceptedFileTypes(".md", ".markdown", ".txt", "text/markdown", "text/plain");
        upload.setId("import-upload");
        upload.addFileRejectedListener(e -> fail(getTranslation("lessonImport.rejected", e.getErrorMessage())));

        language.addValueChangeListener(e -> {
            if (e.isFromClient() && lastFile != null) {
                read(lastName, lastFile);
            }
        });
        lessonId.addValueChangeListener(e -> {
            if (e.isFromClient() && lastFile != null) {
                read(lastName, lastFile);
            }
        });

        report.addColumn(m -> getTranslation("lessonImport.severity." + m.severity().name().toLowerCase()))
                .setHeader(getTranslation("lessonImport.severity")).setAutoWidth(true).setFlexGrow(0);
        report.addColumn(m -> m.line() == null ? "" : m.line().toString())
                .setHeader(getTranslation("lessonImport.line")).setAutoWidth(true).setFlexGrow(0);
        report.addColumn(m -> getTranslation(m.key(), m.args().toArray()))
                .setHeader(getTranslation("lessonImport.message")).setFlexGrow(1);
        report.setAllRowsVisible(true);
        // Whole messages: what a lost byte was read as, and the other readings, are what the teacher checks.
        report.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        report.setId("import-report");
        report.setVisible(false);

        save.setText(getTranslation("lessonImport.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setEnabled(false);
        save.setId("import-save");
        save.addClickListener(e -> save());
        status.setId("import-status");
        preview.addClassNames("ll-import-preview", "ll-lesson-text");

        add(new HorizontalLayout(language, lessonId), upload, status, report, save,
                new H2(getTranslation("lessonImport.preview")), preview);
    }

    private void received(String fileName, byte[] bytes) {
        lastName = fileName;
        lastFile = bytes;
        LessonImportService.suggestedLanguage(fileName).map(ContentLanguage::of).ifPresent(this::chooseLanguage);
        lessonId.setValue(LessonImportService.suggestedLessonId(fileName));
        read(fileName, bytes);
    }

    /** A file read and, when it can be saved, rendered: both happen away from the UI thread. */
    private record Read(ImportPreview preview, LessonRenderer.RenderedLesson rendered) {
    }

    private void read(String fileName, byte[] bytes) {
        current = null;
        save.setEnabled(false);
        status.removeClassName("ll-problem");
        status.setText(getTranslation("import.reading"));
        report.setVisible(false);
        preview.removeAll();
        lessonId.setInvalid(false);
        ContentLanguage chosen = language.getValue() == null ? ContentLanguage.of(Language.fromLocale(getLocale()))
                : language.getValue();
        String wantedId = lessonId.getValue();
        int attempt = ++attempts;
        UI ui = UI.getCurrent();
        background.submit(() -> {
            ImportPreview read = imports.preview(bytes, fileName, chosen, wantedId);
            return new Read(read, read.result().ok() ? renderer.render(read.result().markdown()) : null);
        }).whenComplete((read, failure) -> ui.access(() -> {
            // A newer upload or a changed language started another reading: this one is out of date.
            if (attempt == attempts) {
                show(read, failure);
            }
        }));
    }

    private void chooseLanguage(ContentLanguage chosen) {
        if (!languages.contains(chosen)) {
            languages.add(chosen);
            language.setItems(languages);
        }
        language.setValue(chosen);
    }

    private void show(Read read, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        switch (cause) {
            case null -> showRead(read);
            case InvalidInputException refused -> {
                report.setVisible(false);
                String message = getTranslation(refused.messageKey(), refused.arguments());
                if ("lessonId".equals(refused.field())) {
                    lessonId.setErrorMessage(message);
                    lessonId.setInvalid(true);
                }
                fail(message);
            }
            case TimeoutException slow -> fail(getTranslation("import.tooSlow", background.limit().toSeconds()));
            case BackgroundImports.Busy busy -> fail(getTranslation("import.busy"));
            default -> {
                LOG.warn("Reading the lesson file failed", cause);
                fail(getTranslation("import.failed"));
            }
        }
    }

    private void showRead(Read read) {
        current = read.preview();
        report.setItems(current.result().messages());
        report.setVisible(true);
        if (current.result().ok()) {
            status.setText(getTranslation("lessonImport.ready", current.lessonId(),
                    current.language().nativeName()));
            save.setEnabled(true);
            // The preview in the lesson's own language and direction, inside a page in the reader's.
            preview.getElement().setAttribute("lang", current.language().tag());
            preview.getElement().setAttribute("dir", current.language().direction());
            for (LessonRenderer.Block block : read.rendered().blocks()) {
                if (block instanceof LessonRenderer.HtmlBlock(String html)) {
                    preview.add(new Html("<div>" + html + "</div>"));
                }
            }
        } else {
            status.setText(getTranslation("lessonImport.notReady"));
        }
    }

    private void save() {
        if (current == null) {
            return;
        }
        try {
            LessonImportService.SavedImport saved = imports.save(current);
            save.setEnabled(false);
            status.removeAll();
            status.setText(getTranslation("lessonImport.saved", saved.version()) + " ");
            Anchor open = new Anchor(LessonRoutes.lesson(saved.lessonId()), getTranslation("lessons.open"));
            open.setId("import-open");
            status.add(open);
            Notification.show(getTranslation("lessonImport.saved", saved.version()))
                    .addThemeVariants(NotificationVariant.SUCCESS);
        } catch (InvalidInputException refused) {
            fail(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private void fail(String message) {
        status.setText(message);
        status.addClassName("ll-problem");
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
    }
}
