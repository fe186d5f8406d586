package org.latentlab.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.microsoft.playwright.Page;

/**
 * Every page of the app (each {@code @Route}, the error pages and a few states reached by using a page) as each kind
 * of user meets it, for tests that visit them all: the accessibility audit and the phone layout check. A new route
 * belongs here; {@code AccessibilityAuditE2ETest} fails when one is missing.
 */
public final class Tour {

    /** Who is looking: a visitor, or the account signed in (see {@link AuditWorld}). */
    public enum Role {
        VISITOR(null), STUDENT("amina"), TEACHER("rivka"), ADMIN("admin");

        private final String username;

        Role(String username) {
            this.username = username;
        }

        public String username() {
            return username;
        }
    }

    /**
     * One page: a name for reports, its address (without the language), the route it belongs to and what to wait
     * for or do on it before looking (null: nothing more than Vaadin having settled).
     */
    public record Stop(String name, String path, String route, Consumer<Page> ready) {

        public void arrive(Page page) {
            Chromium.settle(page);
            if (ready != null) {
                ready.accept(page);
                Chromium.settle(page);
            }
        }
    }

    private Tour() {
    }

    /**
     * The pages a role sees in the given world. Pages that look the same to everyone (lessons, the Playground's
     * tabs, music) are toured in full by the visitor and the student; the teacher sees each of those routes once,
     * and the admin only what an admin alone may open.
     */
    public static List<Stop> of(Role role, AuditWorld.World world) {
        List<Stop> stops = new ArrayList<>();
        stops.add(new Stop("home", "", "", null));
        if (role == Role.ADMIN) {
            stops.add(new Stop("administration", "admin", "admin", null));
            stops.add(new Stop("manage quizzes", "quizzes/manage", "quizzes/manage", null));
            stops.add(new Stop("backups", "admin/backups", "admin/backups", null));
            // The admin teaches no class: the teacher's pages as a new teacher first sees them.
            stops.add(new Stop("quiz results, no class", "quizzes/results", "quizzes/results", null));
            stops.add(new Stop("progress, no class", "lessons/progress", "lessons/progress", null));
            stops.add(new Stop("assignments, no class", "lab/assignments", "lab/assignments", null));
            return stops;
        }
        stops.add(new Stop("lesson", "lessons/autoencoders", "lessons/:lessonId", Tour::formulasRendered));
        stops.add(new Stop("music", "music", "music", Tour::notationRendered));
        if (role == Role.TEACHER) {
            stops.add(playground().getFirst());
        } else {
            stops.add(new Stop("lessons", "lessons", "lessons", null));
            stops.addAll(playground());
            stops.add(new Stop("not found", "no-such-page", null, null));
        }
        switch (role) {
            case VISITOR -> {
                // The melody playground's old address forwards to its new one.
                stops.add(new Stop("old melodies address", "melodies", "melodies", Tour::notationRendered));
                stops.add(new Stop("login", "login", "login", null));
                stops.add(new Stop("register", "register?code=ABCD-EFGH", "register", null));
            }
            case STUDENT -> {
                stops.add(new Stop("quizzes", "quizzes", "quizzes", null));
                stops.add(new Stop("quiz in progress", "quizzes/autoencoders-post", "quizzes/:quizId",
                        Tour::answerFirstQuestion));
                stops.add(new Stop("quiz result", "quizzes/attempts/" + world.submittedAttemptId(),
                        "quizzes/attempts/:attemptId", null));
                stops.add(new Stop("lab", "lab?experiment=conv-vae", "lab", null));
                stops.add(new Stop("network designer", "lab/design?experiment=conv-vae", "lab/design", null));
                stops.add(new Stop("my runs", "lab/runs", "lab/runs", null));
                stops.add(new Stop("finished run", "lab/runs/" + world.runId(), "lab/runs/:runId", Tour::curveDrawn));
                stops.add(new Stop("challenges", "challenges", "challenges", null));
                stops.add(new Stop("image challenge", "challenges/" + world.imageChallengeId(),
                        "challenges/:challengeId", page -> LatentMapInspection.waitForDecoded(page, "challenge-map")));
                stops.add(new Stop("melody challenge", "challenges/" + world.melodyChallengeId(),
                        "challenges/:challengeId", Tour::notationRendered));
                stops.add(new Stop("my classes", "my-classes", "my-classes", null));
                stops.add(new Stop("access denied", "classes", null, null));
            }
            case TEACHER -> {
                stops.add(new Stop("classes", "classes", "classes", null));
                stops.add(new Stop("student progress", "lessons/progress", "lessons/progress", null));
                stops.add(new Stop("quiz results", "quizzes/results", "quizzes/results", null));
                stops.add(new Stop("question analysis", "quizzes/results/analysis", "quizzes/results/analysis", null));
                stops.add(new Stop("printable results", "quizzes/results/print/" + world.classId(),
                        "quizzes/results/print/:classId",
                        null));
                stops.add(new Stop("quizzes", "quizzes", "quizzes", null));
                stops.add(new Stop("import lessons", "lessons/import", "lessons/import", null));
                stops.add(new Stop("lab", "lab", "lab", null));
                stops.add(new Stop("my runs", "lab/runs", "lab/runs", null));
                stops.add(new Stop("training queue", "lab/queue", "lab/queue", null));
                stops.add(new Stop("assignments", "lab/assignments", "lab/assignments", null));
                stops.add(new Stop("student's run", "lab/runs/" + world.runId(), "lab/runs/:runId", Tour::curveDrawn));
                stops.add(new Stop("challenges", "challenges", "challenges", null));
                stops.add(new Stop("image challenge", "challenges/" + world.imageChallengeId(),
                        "challenges/:challengeId", page -> page.waitForSelector(".ll-leaderboard-row")));
                stops.add(new Stop("melody challenge", "challenges/" + world.melodyChallengeId(),
                        "challenges/:challengeId", Tour::notationRendered));
                stops.add(new Stop("access denied", "admin", null, null));
            }
            default -> throw new IllegalArgumentException(role.name());
        }
        return stops;
    }

    /** A screenshot's file name for a page, e.g. "phone-teacher-he-student-progress". */
    public static String fileName(String device, Role role, String language, Stop stop) {
        return String.join("-", device, role.name().toLowerCase(java.util.Locale.ROOT), language,
                stop.name().replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** The first start of a server: only the setup page (no account exists yet). */
    public static List<Stop> firstStart() {
        return List.of(new Stop("setup", "setup", "setup", null));
    }

    private static List<Stop> playground() {
        return List.of(
                new Stop("playground map", "playground", "playground", page -> LatentMapInspection.waitForDecoded(page, "playground-map")),
                new Stop("playground grid", "playground?view=grid", "playground",
                        page -> page.waitForSelector("img#grid-image[src]")),
                new Stop("playground sliders", "playground?view=sliders", "playground",
                        page -> page.waitForSelector("#sliders-decoded img[src]")),
                new Stop("playground paths", "playground?view=path", "playground",
                        page -> page.waitForSelector("#path-strips img")),
                new Stop("playground drawing", "playground?view=draw", "playground", Tour::drawASeven),
                new Stop("playground noise", "playground?view=noise", "playground",
                        page -> page.waitForSelector("#noise-output img[src]")));
    }

    private static void formulasRendered(Page page) {
        page.waitForSelector(".ll-math-display math");
    }

    private static void notationRendered(Page page) {
        page.waitForSelector("melody-view .score svg");
    }

    private static void curveDrawn(Page page) {
        page.waitForSelector("loss-chart[has-data] canvas");
    }

    private static void drawASeven(Page page) {
        page.waitForSelector("draw-pad#draw-pad canvas");
        page.evaluate("() => document.querySelector('draw-pad#draw-pad').drawStroke([[0.25, 0.2], [0.75, 0.2],"
                + " [0.6, 0.5], [0.42, 0.85]])");
        page.waitForSelector("#draw-probabilities .ll-probability-row");
    }

    private static void answerFirstQuestion(Page page) {
        page.locator(".ll-question vaadin-radio-button").first().click();
        page.waitForFunction("() => document.querySelector('.ll-question .ll-saved').textContent.length > 0");
    }
}
