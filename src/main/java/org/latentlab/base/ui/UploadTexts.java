package org.latentlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * The upload component's own texts (its button, drop hint, progress and errors) in the reader's language: Vaadin
 * ships them in English only, so a Hebrew page showed "Upload File..." and "Drop file here". The error texts also
 * reach the server in a rejected file's event, so the page's message about it is in the reader's language too.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    /** Gives {@code upload} its texts in the language of the page it is on ({@code page}'s translations). */
    public static void translate(Upload upload, Component page) {
        UploadI18N texts = new UploadI18N();
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(page.getTranslation("upload.dropFile"))
                .setMany(page.getTranslation("upload.dropFiles")));
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(page.getTranslation("upload.addFile"))
                .setMany(page.getTranslation("upload.addFiles")));
        texts.setError(new UploadI18N.Error().setTooManyFiles(page.getTranslation("upload.tooManyFiles"))
                .setFileIsTooBig(page.getTranslation("upload.fileTooBig"))
                .setIncorrectFileType(page.getTranslation("upload.wrongType")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(page.getTranslation("upload.connecting"))
                        .setStalled(page.getTranslation("upload.stalled"))
                        .setProcessing(page.getTranslation("upload.processing"))
                        .setHeld(page.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(page.getTranslation("upload.remaining"))
                        .setUnknown(page.getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(page.getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(page.getTranslation("upload.serverError"))
                        .setForbidden(page.getTranslation("upload.forbidden"))
                        .setFileTooLarge(page.getTranslation("upload.fileTooBig"))));
        texts.setFile(new UploadI18N.File().setRetry(page.getTranslation("upload.retry"))
                .setStart(page.getTranslation("upload.start")).setRemove(page.getTranslation("upload.remove")));
        upload.setI18n(texts);
    }
}
