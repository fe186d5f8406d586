package org.latentlab.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeSettings;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.ChallengeVotes;
import org.latentlab.challenge.KeepPolicy;
import org.latentlab.challenge.Submission;
import org.latentlab.ml.Interpolation;
import org.latentlab.music.MelodyCodec;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.NewAccount;
import org.latentlab.classroom.SignIn;
import org.latentlab.lesson.LessonImportService;
import org.latentlab.lesson.LessonProgressService;
import org.latentlab.lesson.ProgressItem;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.quiz.AttemptService;
import org.latentlab.quiz.AttemptSheet;
import org.latentlab.quiz.GivenAnswer;
import org.latentlab.quiz.QuizImportService;
import org.latentlab.lab.AssignmentService;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.TrainingQueue;
import org.springframework.stereotype.Component;

/**
 * A school with every kind of row the app stores, made through the app's own services as people would make them:
 * an admin, a teacher with two classes (one closed to joining), students with names in several scripts and a
 * remembered language, lesson progress (some items visited twice), an imported lesson, imported quiz versions, a
 * submitted and an open quiz attempt with their answers, a finished Lab run with its curve and samples handed in
 * and graded, an image challenge with submissions and a class vote, melody challenges with melodies, and a changed
 * server setting. For the tests that move or back up a school's data: they compare every table row by row.
 */
@Component
class EveryKindOfRow {

    static final String ZOE = "Zoë Ñúñez-李 ✓";
    static final String CLASS_NAME = "Razred 7.b — Čžš Größe 🎵";

    private final ClassroomFixture fixture;
    private final ClassroomService classrooms;
    private final AccountService accounts;
    private final SignIn signIn;
    private final AttemptService attempts;
    private final LabRuns runs;
    private final TrainingQueue queue;
    private final AssignmentService assignments;
    private final ChallengeLifecycle lifecycle;
    private final ChallengeSubmissions submissions;
    private final ChallengeVotes votes;
    private final LatentSpaces spaces;
    private final HeldOutDigits digits;
    private final LessonProgressService progress;
    private final LessonImportService lessonImports;
    private final QuizImportService quizImports;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    EveryKindOfRow(ClassroomFixture fixture, ClassroomService classrooms, AccountService accounts, SignIn signIn,
            AttemptService attempts, LabRuns runs, TrainingQueue queue, AssignmentService assignments,
            ChallengeLifecycle lifecycle, ChallengeSubmissions submissions, ChallengeVotes votes,
            LatentSpaces spaces, HeldOutDigits digits, LessonProgressService progress,
            LessonImportService lessonImports, QuizImportService quizImports,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.fixture = fixture;
        this.classrooms = classrooms;
        this.accounts = accounts;
        this.signIn = signIn;
        this.attempts = attempts;
        this.runs = runs;
        this.queue = queue;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.submissions = submissions;
        this.votes = votes;
        this.spaces = spaces;
        this.digits = digits;
        this.progress = progress;
        this.lessonImports = lessonImports;
        this.quizImports = quizImports;
    }

    /** Empties the database and fills it; returns the admin, signed out. */
    AccountSummary build() throws InterruptedException {
        fixture.emptyDatabase();
        AccountSummary admin = fixture.admin();
        AccountSummary rivka = fixture.teacher("rivka");
        signIn.as(rivka);
        ClassSummary year11 = classrooms.createClass(CLASS_NAME);
        ClassSummary closed = classrooms.createClass("Year 12");
        classrooms.setJoiningOpen(closed.id(), false);
        // Registered with the class's join code (an enrollment in the same step), in other scripts too.
        AccountSummary amina = accounts.registerStudent(new NewAccount("amina", "Amina", ClassroomFixture.PASSWORD,
                ClassroomFixture.PASSWORD, year11.joinCode()));
        AccountSummary zoe = accounts.registerStudent(new NewAccount("zoe", ZOE, ClassroomFixture.PASSWORD,
                ClassroomFixture.PASSWORD, year11.joinCode()));
        AccountSummary noa = accounts.registerStudent(new NewAccount("noa", "נועה", ClassroomFixture.PASSWORD,
                ClassroomFixture.PASSWORD, year11.joinCode()));
        accounts.rememberLanguage(noa.id(), Language.HEBREW);
        accounts.rememberLanguage(zoe.id(), Language.SLOVENIAN);

        // Imported content: a lesson in Slovenian with text beyond ASCII, and quizzes from a GIFT file.
        lessonImports.save(lessonImports.preview(("# Sanjajoči stroji\n\nKodirnik stisne sliko v kodo »z«; "
                + "dekodirnik jo razširi nazaj. Čšž, ÄÖÜ ß, 潜在空間, 🎹.\n").getBytes(StandardCharsets.UTF_8),
                "sl-autoencoders.md", Language.SLOVENIAN, "curriculum-autoencoders"));
        signIn.as(admin);
        quizImports.add(quizImports.preview(read("src/test/resources/quiz-import/sample.gift"), "sample.gift",
                QuizImportService.Format.GIFT, ContentLanguage.of(Language.ENGLISH)).quizzes());

        // Quizzes: Amina's submitted attempt, Zoë's open one with one answer so far.
        signIn.as(amina);
        AttemptSheet sheet = attempts.startOrResume("autoencoders-pre", Language.ENGLISH);
        for (AttemptSheet.SheetQuestion question : sheet.questions()) {
            attempts.save(sheet.attempt().attemptId(), question.id(), answer(question));
        }
        attempts.submit(sheet.attempt().attemptId(), Language.ENGLISH);
        signIn.as(zoe);
        AttemptSheet open = attempts.startOrResume("autoencoders-pre", Language.SLOVENIAN);
        AttemptSheet.SheetQuestion first = open.questions().getFirst();
        attempts.save(open.attempt().attemptId(), first.id(), answer(first));

        // Lesson progress, one item visited twice.
        signIn.as(amina);
        progress.recordForCurrentUser("autoencoders", ProgressItem.widget("reconstruct"));
        progress.recordForCurrentUser("autoencoders", ProgressItem.widget("reconstruct"));
        progress.recordForCurrentUser("autoencoders", ProgressItem.section("vae"));
        signIn.as(zoe);
        progress.recordForCurrentUser("autoencoders", ProgressItem.section("vae"));

        // The Lab: a finished run with its curve and samples, handed in and graded.
        signIn.as(amina);
        UUID runId = runs.start(Experiment.CONV_VAE, Experiment.CONV_VAE.defaults().withEpochs(1)
                .withTrainLimit(128).withBatchSize(32)).id();
        await(() -> !queue.isActive(runId));
        signIn.as(amina);
        if (runs.run(runId).state() != RunState.FINISHED) {
            throw new IllegalStateException("The Lab run did not finish: " + runs.run(runId));
        }
        AssignmentService.Submission handedIn = assignments.submit(runId, "Der KL-Term zieht die Codes zusammen — "
                + "ça marche, 很好.");
        signIn.as(rivka);
        long seen = assignments.forClass(year11.id()).of(amina.id()).orElseThrow().version();
        assignments.grade(handedIn.id(), seen, 88, "Klare Kurve; gut gelesen. 👍");

        // Challenges: an image one with a class vote after its close, a melody and a melody morph.
        Challenge seven = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 60, true);
        Challenge melody = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY, 0, 0, 0, 0, 0,
                false, 0, 0), null, KeepPolicy.LAST, 60, false);
        Challenge morph = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY_MORPH, 0, 0, 0,
                5, 0, false, 0, 0), null, KeepPolicy.BEST, 60, false);
        LatentSpace vae = spaces.open("shipped:vae-2d");
        MelodyCodec codec = submissions.melodyCodec();
        signIn.as(amina);
        Submission aminas = submissions.submit(seven.id(), List.of(codeOf(vae, 7)), seven.modelVersion());
        submissions.submit(seven.id(), List.of(codeOf(vae, 1)), seven.modelVersion());
        submissions.submit(melody.id(), List.of(codec.randomCode(new Random(1))), melody.modelVersion());
        signIn.as(zoe);
        Submission zoes = submissions.submit(seven.id(), List.of(codeOf(vae, 2)), seven.modelVersion());
        submissions.submit(melody.id(), List.of(codec.randomCode(new Random(2))), melody.modelVersion());
        var from = org.latentlab.music.MelodyCorpus.entries().get(0).melody();
        var to = org.latentlab.music.MelodyCorpus.entries().get(5).melody();
        submissions.submit(morph.id(), MelodyCodec.path(codec.encode(from), codec.encode(to), 8,
                org.latentlab.ml.Interpolation.SPHERICAL), morph.modelVersion());
        signIn.as(rivka);
        lifecycle.close(seven.id());
        lifecycle.pause(melody.id());
        signIn.as(amina);
        votes.vote(seven.id(), zoes.id());
        signIn.as(zoe);
        votes.vote(seven.id(), aminas.id());
        signIn.as(noa);
        votes.vote(seven.id(), aminas.id());

        // A setting an admin changed.
        signIn.as(admin);
        accounts.setRegistrationNeedsJoinCode(true);
        // A browser that ticked "keep me signed in" (security's table; written as Spring Security writes it).
        jdbc.sql("insert into persistent_logins (username, series, token, last_used) values (?, ?, ?, ?)")
                .params("amina", "c2VyaWVzLW9mLWFtaW5h", "dG9rZW4tb2YtYW1pbmE=",
                        java.sql.Timestamp.from(java.time.Instant.parse("2026-12-04T10:15:30Z"))).update();
        signIn.out();
        return admin;
    }

    private float[] codeOf(LatentSpace vae, int digit) {
        return vae.encode(digits.randomOf(digit, new Random(digit)).pixels());
    }

    private static GivenAnswer answer(AttemptSheet.SheetQuestion question) {
        List<AttemptSheet.Item> items = question.items();
        return switch (question.type()) {
            case SINGLE, MULTIPLE -> new GivenAnswer.Choices(Set.of(items.getFirst().id()));
            case TRUE_FALSE -> new GivenAnswer.TrueFalse(true);
            case NUMERIC -> new GivenAnswer.Number(784);
            case ORDER -> new GivenAnswer.Order(items.stream().map(AttemptSheet.Item::id).toList());
        };
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done within three minutes");
            }
            Thread.sleep(20);
        }
    }
}
