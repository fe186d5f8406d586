package org.latentlab.quiz;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.quiz.stats.QuizStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ApplicationTest
class QuizResultsServiceTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    AttemptService attempts;
    @Autowired
    QuizResultsService results;
    @Autowired
    QuizCatalog catalog;
    @Autowired
    ClassroomService classrooms;

    AccountSummary rivka;
    ClassSummary year11;
    final java.util.Map<String, AccountSummary> students = new java.util.HashMap<>();

    @BeforeEach
    void classWithTwoStudents() {
        rivka = fixture.teacher("rivka");
        signIn.as(rivka);
        year11 = classrooms.createClass("Year 11");
        for (String name : List.of("amina", "budi")) {
            students.put(name, fixture.student(name));
            signIn.as(students.get(name));
            classrooms.join(year11.joinCode());
        }
        signIn.out();
    }

    /** Imports are for admins; the first admin is created once and then found. */
    private AccountSummary admin() {
        return fixture.exists("admin") ? fixture.account("admin") : fixture.admin();
    }

    private Quiz lab() {
        return catalog.active("lab-conv-ae").orElseThrow().quiz();
    }

    /** A student answers the first question of the Lab quiz right or wrong and submits. */
    private long take(String student, boolean right) {
        signIn.as(accountOf(student));
        AttemptSheet sheet = attempts.startOrResume("lab-conv-ae", Language.ENGLISH);
        Question first = single();
        GivenAnswer answer = right ? AttemptServiceTest.rightAnswer(first) : wrongAnswer(first);
        attempts.save(sheet.attempt().attemptId(), first.id(), answer);
        attempts.submit(sheet.attempt().attemptId(), Language.ENGLISH);
        signIn.out();
        return sheet.attempt().attemptId();
    }

    /** The Lab quiz's first single-choice question: the one the students answer here. */
    private Question single() {
        return lab().questions().stream().filter(q -> q.type() == QuestionType.SINGLE).findFirst().orElseThrow();
    }

    private AccountSummary accountOf(String username) {
        return students.get(username);
    }

    private static GivenAnswer wrongAnswer(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> new GivenAnswer.Choices(Set.of(q.options().stream().filter(o -> !o.correct())
                    .findFirst().orElseThrow().id()));
            case TRUE_FALSE -> new GivenAnswer.TrueFalse(!q.answer());
            case NUMERIC -> new GivenAnswer.Number(q.numeric().value() + 1000);
            case ORDER -> new GivenAnswer.Order(q.steps().reversed().stream().map(Step::id).toList());
        };
    }

    @Test
    void theTeacherSeesEachStudentsCountedAttemptAndTheCsv() {
        take("amina", true);
        signIn.as(rivka);
        ClassResults grid = results.classResults(year11.id(), Language.ENGLISH);
        ClassResults.Row amina = grid.students().stream().filter(r -> r.username().equals("amina")).findFirst()
                .orElseThrow();
        assertThat(amina.cell("lab-conv-ae").orElseThrow().counted().orElseThrow().score())
                .isEqualTo(single().points());
        assertThat(grid.students().stream().filter(r -> r.username().equals("budi")).findFirst().orElseThrow()
                .cell("lab-conv-ae")).isEmpty();
        String csv = results.csv(year11.id(), Language.ENGLISH);
        assertThat(csv).startsWith("username,name,").contains("\r\namina,Student amina,");
    }

    @Test
    void anotherTeachersClassIsNotFoundLikeAMissingOne() {
        take("amina", true);
        signIn.as(fixture.teacher("other"));
        for (long classId : List.of(year11.id(), year11.id() + 1000)) {
            notFound(() -> results.classResults(classId, Language.ENGLISH));
            notFound(() -> results.csv(classId, Language.ENGLISH));
            notFound(() -> results.itemAnalysis(classId, "lab-conv-ae"));
            notFound(() -> results.regrade(classId, "lab-conv-ae", false));
        }
        signIn.as(accountOf("amina"));
        assertThatThrownBy(() -> results.classResults(year11.id(), Language.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void notFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("classes.notFound"));
    }

    @Test
    void itemAnalysisUsesEachStudentsFirstAttempt() {
        take("amina", true);
        take("budi", false);
        signIn.as(rivka);
        QuizStatistics stats = results.itemAnalysis(year11.id(), "lab-conv-ae");
        assertThat(stats.attempts()).isEqualTo(2);
        assertThat(stats.items().stream().filter(i -> i.questionId().equals(single().id())).findFirst()
                .orElseThrow().facilityIndex()).isEqualTo(50.0);
    }

    @Test
    void aRegradeAfterAFixedKeyIsPreviewedThenApplied() {
        take("amina", true);
        take("budi", false);
        // The teacher finds the key of question 1 was wrong: the fixed quiz becomes a new version.
        Quiz original = lab();
        Question first = single();
        List<Question> questions = new ArrayList<>(original.questions());
        questions.set(questions.indexOf(first), flipped(first));
        // Imports are for admins: the admin puts the fixed version on offer, the teacher regrades.
        signIn.as(admin());
        catalog.addImported(new Quiz(original.id(), original.lesson(), original.kind(), original.experiment(),
                original.title(), original.policy(), questions));
        signIn.as(rivka);
        try {
            List<QuizResultsService.RegradeChange> preview = results.regrade(year11.id(), "lab-conv-ae", true);
            assertThat(preview).hasSize(2);
            ClassResults before = results.classResults(year11.id(), Language.ENGLISH);
            assertThat(before.students().getFirst().cell("lab-conv-ae").orElseThrow().counted().orElseThrow().score())
                    .isEqualTo(preview.stream().filter(c -> c.student().equals("Student amina")).findFirst()
                            .orElseThrow().oldScore());
            assertThat(results.regrade(year11.id(), "lab-conv-ae", false)).hasSize(2);
            assertThat(results.regrade(year11.id(), "lab-conv-ae", true)).isEmpty();
        } finally {
            signIn.as(admin());
            catalog.addImported(original);
        }
    }

    @Test
    void aTeacherCannotPutAnImportedQuizOnOffer() {
        Quiz original = lab();
        signIn.as(rivka);
        int before = catalog.active("lab-conv-ae").orElseThrow().version();

        assertThatThrownBy(() -> catalog.addImported(original)).isInstanceOf(AccessDeniedException.class);
        assertThat(catalog.active("lab-conv-ae").orElseThrow().version()).isEqualTo(before);
    }

    /** The same question with right and wrong swapped (for choice questions: the key inverted). */
    private static Question flipped(Question q) {
        return switch (q.type()) {
            case SINGLE -> {
                String wrong = q.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow().id();
                yield new Question(q.id(), q.type(), q.section(), q.points(), q.text(), q.options().stream()
                        .map(o -> new Choice(o.id(), o.text(), o.id().equals(wrong), o.weight(), o.feedback()))
                        .toList(), q.answer(), q.numeric(), q.steps(), q.explanation());
            }
            case TRUE_FALSE -> new Question(q.id(), q.type(), q.section(), q.points(), q.text(), q.options(),
                    !q.answer(), q.numeric(), q.steps(), q.explanation());
            default -> throw new IllegalStateException("the test expects a single-choice or true/false question 1");
        };
    }
}
