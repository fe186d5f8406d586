package org.latentlab.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every {@link ApplicationTest} starts on an empty database with nobody signed in, and signs out after itself: the
 * application context, and with it the database, is shared by every test class with the same configuration, so a
 * test that relied on rows or a sign-in left by another would pass or fail by the order the tests run in. A class
 * marked {@link KeepsDatabase} starts with nobody signed in but keeps the rows its earlier tests made. A clock a test
 * stopped ({@link TestClock}) runs again after it.
 *
 * <p>It runs before the test class's own {@code @BeforeEach} methods, so those build their cast on the empty
 * database.
 */
public final class CleanStart implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        if (AnnotationSupport.isAnnotated(context.getRequiredTestClass(), KeepsDatabase.class)) {
            application.getBean(SignIn.class).out();
        } else {
            // Signs out too.
            application.getBean(ClassroomFixture.class).emptyDatabase();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        // The security context's holder is static: a sign-in left behind would be seen by the next test class.
        application.getBean(SignIn.class).out();
        application.getBean(TestClock.class).run();
    }
}
