package org.latentlab.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected while opening a page: a calm message and a reference to find the details in the log. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class InternalErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    public InternalErrorView() {
        super("vaadin:warning");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = FriendlyErrorHandler.newReference();
        log.error("Unexpected error opening {}, reference {}", event.getLocation().getPath(), reference,
                parameter.getCaughtException());
        show(getTranslation("error.unexpected.title"), getTranslation("error.unexpected.text", reference));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
