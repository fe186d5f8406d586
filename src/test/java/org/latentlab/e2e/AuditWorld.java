package org.latentlab.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.latentlab.base.Language;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeSettings;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.KeepPolicy;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.lesson.LessonProgressService;
import org.latentlab.lesson.ProgressItem;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.quiz.AttemptService;
import org.latentlab.quiz.AttemptSheet;
import org.latentlab.quiz.GivenAnswer;
import org.latentlab.lab.AssignmentService;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.TrainingQueue;
import org.springframework.stereotype.Component;

/**
 * A small school with something on every page, for tests that visit every route: an admin, the teacher rivka with
 * the class "Year 11" of three students (amina, budi, noa), amina's submitted pre-lesson quiz, a finished
 * convolutional VAE run handed in as her assignment, some lesson progress, and two open challenges (an image one
 * amina has submitted to, and a melody morph).
 */
@Component
public class AuditWorld {

    /** The ids the routes need. */
    public record World(long classId, long submittedAttemptId, UUID runId, long imageChallengeId,
            long melodyChallengeId) {
    }

    private final ClassroomFixture fixture;
    private final ClassroomService classrooms;
    private final SignIn signIn;
    private final AttemptService attempts;
    private final LabRuns runs;
    private final TrainingQueue queue;
    private final AssignmentService assignments;
    private final ChallengeLifecycle lifecycle;
    private final ChallengeSubmissions submissions;
    private final LatentSpaces spaces;
    private final HeldOutDigits digits;
    private final LessonProgressService progress;

    AuditWorld(ClassroomFixture fixture, ClassroomService classrooms, SignIn signIn, AttemptService attempts,
            LabRuns runs, TrainingQueue queue, AssignmentService assignments, ChallengeLifecycle lifecycle,
            ChallengeSubmissions submissions, LatentSpaces spaces, HeldOutDigits digits,
            LessonProgressService progress) {
        this.fixture = fixture;
        this.classrooms = classrooms;
        this.signIn = signIn;
        this.attempts = attempts;
        this.runs = runs;
        this.queue = queue;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.submissions = submissions;
        this.spaces = spaces;
        this.digits = digits;
        this.progress = progress;
    }

    public World build() throws InterruptedException {
        fixture.emptyDatabase();
        fixture.admin();
        AccountSummary rivka = fixture.teacher("rivka");
        signIn.as(rivka);
        ClassSummary year11 = classrooms.createClass("Year 11");
        AccountSummary amina = null;
        for (String name : List.of("amina", "budi", "noa")) {
            AccountSummary student = fixture.student(name);
            signIn.as(student);
            classrooms.join(year11.joinCode());
            if (amina == null) {
                amina = student;
            }
        }

        signIn.as(amina);
        AttemptSheet sheet = attempts.startOrResume("autoencoders-pre", Language.ENGLISH);
        for (AttemptSheet.SheetQuestion question : sheet.questions()) {
            List<AttemptSheet.Item> items = question.items();
            GivenAnswer answer = switch (question.type()) {
                case SINGLE, MULTIPLE -> new GivenAnswer.Choices(java.util.Set.of(items.getFirst().id()));
                case TRUE_FALSE -> new GivenAnswer.TrueFalse(true);
                case NUMERIC -> new GivenAnswer.Number(784);
                case ORDER -> new GivenAnswer.Order(items.stream().map(AttemptSheet.Item::id).toList());
            };
            attempts.save(sheet.attempt().attemptId(), question.id(), answer);
        }
        attempts.submit(sheet.attempt().attemptId(), Language.ENGLISH);
        progress.recordForCurrentUser("autoencoders", ProgressItem.widget("reconstruct"));

        UUID runId = runs.start(Experiment.CONV_VAE, Experiment.CONV_VAE.defaults().withEpochs(1)
                .withTrainLimit(128).withBatchSize(32)).id();
        await(() -> !queue.isActive(runId));
        signIn.as(amina);
        if (runs.run(runId).state() != RunState.FINISHED) {
            throw new IllegalStateException("The audit's Lab run did not finish: " + runs.run(runId));
        }
        assignments.submit(runId, "The KL term pulls the codes together.");

        signIn.as(rivka);
        Challenge seven = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 60, false);
        Challenge morph = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY_MORPH, 0, 0, 0,
                5, 0, false, 0, 0), null, KeepPolicy.BEST, 60, true);
        signIn.as(amina);
        float[] aSeven = spaces.open("shipped:vae-2d").encode(digits.randomOf(7, new java.util.Random(7)).pixels());
        submissions.submit(seven.id(), List.of(aSeven), seven.modelVersion());
        signIn.out();
        return new World(year11.id(), sheet.attempt().attemptId(), runId, seven.id(), morph.id());
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
