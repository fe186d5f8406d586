package org.latentlab.training;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

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
        fixture.emptyDatabase();
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
        signIn.out();
    }

    private UUID finished(AccountSummary student, Experiment experiment) throws InterruptedException {
        signIn.as(student);
        UUID id = runs.start(experiment, LabRunsTest.quick(experiment, 128, 1)).id();
        LabRunsTest.await(() -> queue.live(id).isEmpty());
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
        assertThatThrownBy(() -> assignments.grade(submitted.id(), 101, "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> assignments.grade(submitted.id(), null, "")).isInstanceOf(InvalidInputException.class);
        AssignmentService.Submission graded = assignments.grade(submitted.id(), 88, "Clear curve, good reading.");
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
        assertThatThrownBy(() -> assignments.forClass(year11.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> assignments.grade(submitted.id(), 10, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.run(aminas)).isInstanceOf(InvalidInputException.class);
        signIn.as(amina);
        assertThat(assignments.mine().orElseThrow().graded()).isFalse();
    }
}
