package org.latentlab.lab;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Handing in the assignment and grading it: whose runs, which runs, which teachers, and when it becomes final. */
@ApplicationTest
class AssignmentServiceTest {

    @Autowired
    AssignmentService assignments;
    @Autowired
    LabRuns runs;
    @Autowired
    TrainingQueue queue;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcClient jdbc;

    AccountSummary amina;
    AccountSummary budi;
    AccountSummary rivka;
    AccountSummary other;
    ClassSummary year11;

    @BeforeEach
    void aClassWithTwoStudentsAndAnotherTeacher() {
        rivka = fixture.teacher("rivka");
        other = fixture.teacher("otto");
        signIn.as(rivka);
        year11 = classrooms.createClass("Year 11");
        amina = fixture.student("amina");
        budi = fixture.student("budi");
        for (AccountSummary student : java.util.List.of(amina, budi)) {
            signIn.as(student);
            classrooms.join(year11.joinCode());
        }
        signIn.out();
    }

    @AfterEach
    void stop() throws InterruptedException {
        LabRunsTest.stopAll(queue);
    }

    private UUID finished(AccountSummary student, Experiment experiment) throws InterruptedException {
        signIn.as(student);
        UUID id = runs.start(experiment, LabRunsTest.quick(experiment, 128, 1)).id();
        LabRunsTest.await(() -> !queue.isActive(id));
        signIn.as(student);
        assertThat(runs.run(id).state()).isEqualTo(RunState.FINISHED);
        return id;
    }

    @Test
    void aStudentHandsInAFinishedConvolutionalVaeAndTheirTeacherGradesIt() throws Exception {
        UUID convVae = finished(amina, Experiment.CONV_VAE);
        UUID convAe = finished(amina, Experiment.CONV_AE);
        assertThatThrownBy(() -> assignments.submit(convAe, "my conv AE"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assignment.run.notFinishedConvVae"));
        assertThatThrownBy(() -> assignments.submit(convVae, "   "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> assignments.submit(convVae, "x".repeat(AssignmentService.MAX_TEXT + 1)))
                .isInstanceOf(InvalidInputException.class);

        AssignmentService.Submission submitted = assignments.submit(convVae, "  The KL term pulls the codes together. ");
        assertThat(submitted.text()).isEqualTo("The KL term pulls the codes together.");
        assertThat(submitted.graded()).isFalse();
        assertThat(jdbc.sql("select item from lesson_progress where user_id = ?").param(amina.id())
                .query(String.class).list()).contains("assignment:done", "lab:conv-vae");
        // A run handed in stays.
        assertThatThrownBy(() -> runs.delete(convVae)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("training.run.submitted"));

        signIn.as(rivka);
        AssignmentService.ClassSubmissions year11Answers = assignments.forClass(year11.id());
        assertThat(year11Answers.students()).hasSize(2);
        assertThat(year11Answers.of(amina.id())).contains(submitted);
        assertThat(year11Answers.of(budi.id())).isEmpty();
        // Rivka teaches Amina, so she sees the run with its curve.
        assertThat(runs.run(convVae).ownerName()).isEqualTo("Student amina");
        assertThat(runs.curve(convVae)).isNotEmpty();
        long seen = year11Answers.of(amina.id()).orElseThrow().version();
        assertThatThrownBy(() -> assignments.grade(submitted.id(), seen, 101, ""))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> assignments.grade(submitted.id(), seen, null, ""))
                .isInstanceOf(InvalidInputException.class);
        AssignmentService.Submission graded = assignments.grade(submitted.id(), seen, 88,
                "Clear curve, good reading.");
        assertThat(graded.grade()).isEqualTo(88);
        assertThat(graded.gradedBy()).isEqualTo("Teacher rivka");

        // Graded is final.
        signIn.as(amina);
        assertThat(assignments.mine()).contains(graded);
        assertThatThrownBy(() -> assignments.submit(convVae, "second thoughts"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assignment.alreadyGraded"));
    }

    @Test
    void untilGradedAStudentMayHandInABetterRunInstead() throws Exception {
        UUID first = finished(budi, Experiment.CONV_VAE);
        UUID second = finished(budi, Experiment.CONV_VAE);
        assignments.submit(first, "first try");
        AssignmentService.Submission replaced = assignments.submit(second, "second try");
        assertThat(replaced.runId()).isEqualTo(second);
        assertThat(jdbc.sql("select count(*) from assignment_submission").query(Long.class).single()).isEqualTo(1);
        // The first run is no longer handed in, so it may go.
        runs.delete(first);
    }

    @Test
    void nobodyElseHandsInMyRunOrGradesMyWork() throws Exception {
        UUID aminas = finished(amina, Experiment.CONV_VAE);
        signIn.as(budi);
        assertThatThrownBy(() -> assignments.submit(aminas, "not mine")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> assignments.forClass(year11.id())).isInstanceOf(AccessDeniedException.class);

        signIn.as(amina);
        AssignmentService.Submission submitted = assignments.submit(aminas, "mine");
        signIn.as(other);
        assertThatThrownBy(() -> assignments.forClass(year11.id())).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("classes.notFound"));
        // Not her student: the submission is "not found", as if it did not exist.
        assertThatThrownBy(() -> assignments.grade(submitted.id(), submitted.version(), 10, ""))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assignment.notFound"));
        assertThatThrownBy(() -> runs.run(aminas)).isInstanceOf(InvalidInputException.class);
        signIn.as(amina);
        assertThat(assignments.mine().orElseThrow().graded()).isFalse();
    }

    @Test
    void aGradeIsForTheVersionTheTeacherSawNotForANewerHandInOrAfterAnotherGrade() throws Exception {
        UUID first = finished(amina, Experiment.CONV_VAE);
        UUID second = finished(amina, Experiment.CONV_VAE);
        assignments.submit(first, "first try");
        signIn.as(rivka);
        AssignmentService.Submission seen = assignments.forClass(year11.id()).of(amina.id()).orElseThrow();

        // Amina hands in again while Rivka looks at her first try: the grade is refused, nothing is overwritten.
        signIn.as(amina);
        assignments.submit(second, "second try");
        signIn.as(rivka);
        assertThatThrownBy(() -> assignments.grade(seen.id(), seen.version(), 60, "for the first try"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assignment.changed"));
        AssignmentService.Submission latest = assignments.forClass(year11.id()).of(amina.id()).orElseThrow();
        assertThat(latest.graded()).isFalse();
        assertThat(latest.runId()).isEqualTo(second);
        assertThat(latest.version()).isGreaterThan(seen.version());

        // Two teachers grade the same version: the first grade stands, the second is told it changed.
        AccountSummary coTeacher = coTeacherOfYear11();
        AssignmentService.Submission graded = assignments.grade(latest.id(), latest.version(), 75, "good");
        signIn.as(coTeacher);
        assertThatThrownBy(() -> assignments.grade(latest.id(), latest.version(), 40, "not so good"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assignment.changed"));
        // Having seen the grade, the co-teacher may change it on purpose.
        AssignmentService.Submission regraded = assignments.grade(graded.id(), graded.version(), 80, "better");
        assertThat(regraded.grade()).isEqualTo(80);
        assertThat(regraded.gradedBy()).isEqualTo("Teacher " + coTeacher.username());
    }

    @Test
    void aGradeRacingAHandInReplacementAndAnotherGradeNeverLandsOnAVersionNobodySaw() throws Exception {
        UUID first = finished(amina, Experiment.CONV_VAE);
        UUID second = finished(amina, Experiment.CONV_VAE);
        signIn.as(amina);
        long submissionId = assignments.submit(first, "round 0").id();
        AccountSummary coTeacher = coTeacherOfYear11();
        int gradesWon = 0;
        int replacementsWon = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            for (int round = 1; round <= 24; round++) {
                // Each round starts from an ungraded hand-in of the first run, as both teachers see it.
                jdbc.sql("""
                        update assignment_submission set run_id = ?, answer_text = ?, grade = null,
                            comment_text = null, graded_by = null, graded_at = null, version = version + 1
                        where id = ?""").params(first.toString(), "round " + round, submissionId).update();
                signIn.as(rivka);
                AssignmentService.Submission seen = assignments.forClass(year11.id()).of(amina.id()).orElseThrow();
                CountDownLatch go = new CountDownLatch(1);
                String replacement = "replaced in round " + round;
                Future<String> student = threads.submit(() -> outcome(amina, go,
                        () -> assignments.submit(second, replacement)));
                Future<String> teacher = threads.submit(() -> outcome(rivka, go,
                        () -> assignments.grade(seen.id(), seen.version(), 70, "from rivka")));
                Future<String> other = threads.submit(() -> outcome(coTeacher, go,
                        () -> assignments.grade(seen.id(), seen.version(), 40, "from the co-teacher")));
                go.countDown();
                List<String> outcomes = List.of(student.get(1, TimeUnit.MINUTES), teacher.get(1, TimeUnit.MINUTES),
                        other.get(1, TimeUnit.MINUTES));

                signIn.as(rivka);
                AssignmentService.Submission stored = assignments.forClass(year11.id()).of(amina.id()).orElseThrow();
                assertThat(outcomes).as("round %d: exactly one change wins", round).containsOnlyOnce("ok");
                if (outcomes.get(0).equals("ok")) {
                    replacementsWon++;
                    // The new hand-in stands ungraded; neither grade landed on a version its teacher never saw.
                    assertThat(outcomes.subList(1, 3)).containsOnly("assignment.changed");
                    assertThat(stored.graded()).isFalse();
                    assertThat(stored.runId()).isEqualTo(second);
                    assertThat(stored.text()).isEqualTo(replacement);
                } else {
                    gradesWon++;
                    // One grade stands, on exactly the hand-in both teachers saw; the student was told it is final.
                    assertThat(outcomes.get(0)).isEqualTo("assignment.alreadyGraded");
                    assertThat(outcomes.subList(1, 3)).containsOnlyOnce("assignment.changed");
                    assertThat(stored.grade()).isEqualTo(outcomes.get(1).equals("ok") ? 70 : 40);
                    assertThat(stored.runId()).isEqualTo(first);
                    assertThat(stored.text()).isEqualTo(seen.text());
                    assertThat(stored.version()).isEqualTo(seen.version() + 1);
                }
            }
        }
        assertThat(gradesWon + replacementsWon).isEqualTo(24);
    }

    /** "ok", or the message key of the refusal. */
    private String outcome(AccountSummary who, CountDownLatch go, Runnable change) throws InterruptedException {
        signIn.as(who);
        try {
            go.await();
            change.run();
            return "ok";
        } catch (InvalidInputException refused) {
            return refused.messageKey();
        } finally {
            signIn.out();
        }
    }

    /** Another teacher who also teaches Amina (she joins the co-teacher's class too). */
    private AccountSummary coTeacherOfYear11() {
        AccountSummary coTeacher = fixture.teacher("cora");
        signIn.as(coTeacher);
        ClassSummary physics = classrooms.createClass("Physics");
        signIn.as(amina);
        classrooms.join(physics.joinCode());
        signIn.as(rivka);
        return coTeacher;
    }
}
