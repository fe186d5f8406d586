package org.latentlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes a start-up is known to need on a second thread, in the order the start-up needs them, so the
 * main thread mostly finds them loaded. Spring Boot's own {@code BackgroundPreinitializer} does the same for a few
 * classes; this does it for all of them. Why it pays: about a third of the main thread's start-up went into loading
 * some 9,000 classes from the jars nested in the Boot jar, one at a time, while the second core sat idle; with this,
 * the first page comes about a second sooner (bench/startup.sh).
 * <p>
 * Classes are only loaded, never initialised: no static initialiser runs on this thread, so the order in which
 * they run, and what they see, is the same as without it. Class loaders of Boot's jar and of the JDK are
 * parallel-capable, so the two threads do not wait for each other except on the same class. The list comes from a
 * recorded start ({@code bench/startup-classes.sh}); a name it has that this build lacks is skipped, so an old list
 * costs speed, never correctness. {@code -Dlatentlab.startup-class-list=off} turns it off (that script records
 * with it off).
 */
final class StartupClassPreloader {

    static final String CLASS_LIST = "META-INF/latentlab/startup-classes.txt";
    static final String SWITCH = "latentlab.startup-class-list";

    private StartupClassPreloader() {
    }

    /** Starts loading the listed classes through the caller's class loader, unless switched off. */
    static void start() {
        if ("off".equals(System.getProperty(SWITCH))) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread.ofPlatform().name("class-preloader").daemon().start(() -> preload(loader));
    }

    /** Loads every class of the list that {@code loader} can find; returns how many it loaded. */
    static int preload(ClassLoader loader) {
        InputStream list = loader.getResourceAsStream(CLASS_LIST);
        if (list == null) {
            return 0;
        }
        int loaded = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class an older list names, or one this JDK lacks: the start-up does without it too.
                }
            }
        } catch (IOException e) {
            // The list only saves time; the main thread loads whatever this thread did not.
        }
        return loaded;
    }
}
