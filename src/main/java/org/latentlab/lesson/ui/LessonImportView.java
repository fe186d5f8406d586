package org.latentlab.lesson.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.lesson.LessonImportService;
import org.latentlab.lesson.LessonImportService.ImportPreview;
import org.latentlab.lesson.LessonRenderer;
import org.latentlab.lesson.importer.ImportMessage;

/**
 * Teachers and admins import a lesson file of the public curriculum: upload, read the report and a preview of the
 * cleaned lesson, then save it as a new version. Nothing is stored before "Save".
 */
@Route("lessons/import")
@Menu(order = 56, icon = "vaadin:upload", title = "nav.lessonImport")
@RolesAllowed(Role.Names.TEACHER)
public class LessonImportView extends FeaturePage {

    static final int MAX_BYTES = 1_048_576;

    private final LessonImportService imports;
    private final LessonRenderer renderer;
    private final Select<Language> language = new Select<>();
    private final TextField lessonId = new TextField();
    private final Grid<ImportMessage> report = new Grid<>();
    private final Div preview = new Div();
    private final Button save = new Button();
    private final Paragraph status = new Paragraph();
    private ImportPreview current;
    private byte[] lastFile;
    private String lastName;

    LessonImportView(LessonImportService imports, LessonRenderer renderer) {
        super("lessonImport.title", "lessonImport.intro");
        this.imports = imports;
        this.renderer = renderer;

        language.setLabel(getTranslation("lessonImport.language"));
        language.setItems(Language.values());
        language.setItemLabelGenerator(Language::nativeName);
        language.setValue(Language.fromLocale(getLocale()));
        language.setId("import-language");
        lessonId.setLabel(getTranslation("lessonImport.lessonId"));
        lessonId.setHelperText(getTranslation("lessonImport.lessonIdHelp"));
        lessonId.setId("import-lesson-id");
        lessonId.setMaxLength(64);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> received(metadata.fileName(), bytes)))));
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
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
        LessonImportService.suggestedLanguage(fileName).ifPresent(language::setValue);
        lessonId.setValue(LessonImportService.suggestedLessonId(fileName));
        read(fileName, bytes);
    }

    private void read(String fileName, byte[] bytes) {
        current = null;
        save.setEnabled(false);
        status.removeClassName("ll-problem");
        preview.removeAll();
        lessonId.setInvalid(false);
        try {
            current = imports.preview(bytes, fileName, language.getValue(), lessonId.getValue());
            report.setItems(current.result().messages());
            report.setVisible(true);
            if (current.result().ok()) {
                status.setText(getTranslation("lessonImport.ready", current.lessonId(),
                        current.language().nativeName()));
                save.setEnabled(true);
                LessonRenderer.RenderedLesson rendered = renderer.render(current.result().markdown());
                for (LessonRenderer.Block block : rendered.blocks()) {
                    if (block instanceof LessonRenderer.HtmlBlock(String html)) {
                        preview.add(new Html("<div>" + html + "</div>"));
                    }
                }
            } else {
                status.setText(getTranslation("lessonImport.notReady"));
            }
        } catch (InvalidInputException refused) {
            report.setVisible(false);
            String message = getTranslation(refused.messageKey(), refused.arguments());
            if ("lessonId".equals(refused.field())) {
                lessonId.setErrorMessage(message);
                lessonId.setInvalid(true);
            }
            fail(message);
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
            Anchor open = new Anchor("lessons/" + saved.lessonId(), getTranslation("lessons.open"));
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
