package org.latentlab.lesson;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.Language;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@ApplicationTest
class LessonProgressServiceTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    LessonProgressService progress;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    JdbcClient jdbc;

    AccountSummary amina;

    @BeforeEach
    void aStudent() {
        amina = fixture.student("amina");
    }

    private long rows() {
        return jdbc.sql("select count(*) from lesson_progress").query(Long.class).single();
    }

    @Test
    void manyRequestsRecordingTheSameEventAtOnceKeepOneRowAndCountEveryOne() throws Exception {
        int threads = 12;
        int each = 20;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        progress.record(amina.id(), LessonCatalog.AUTOENCODERS, ProgressItem.widget("denoise"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        }
        assertThat(rows()).isEqualTo(1);
        assertThat(jdbc.sql("select hits from lesson_progress").query(Integer.class).single())
                .isEqualTo(threads * each);
    }

    @Test
    void recordingTheSameThingTwiceKeepsOneRowAndCountsTheRepeat() {
        signIn.as(amina);
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("vae"))).isTrue();
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("vae"))).isTrue();
        assertThat(rows()).isEqualTo(1);
        assertThat(jdbc.sql("select hits from lesson_progress").query(Integer.class).single()).isEqualTo(2);
        LessonProgress mine = progress.myProgress(LessonCatalog.AUTOENCODERS);
        assertThat(mine.sectionsReached()).containsExactly("vae");
        assertThat(mine.sectionCount()).isEqualTo(13);
        assertThat(mine.lastSection()).contains("vae");
    }

    @Test
    void whatTheBrowserSendsIsCheckedAgainstTheLesson() {
        signIn.as(amina);
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("no-such")))
                .isFalse();
        assertThat(progress.recordForCurrentUser("no-such-lesson", ProgressItem.section("vae"))).isFalse();
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.widget("rocket")))
                .isFalse();
        // Quizzes, Lab runs and the assignment are reported by their features, never by the lesson page.
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.postQuiz())).isFalse();
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.assignment())).isFalse();
        assertThat(rows()).isZero();
    }

    @Test
    void visitorsWithoutAnAccountLeaveNoTrace() {
        assertThat(progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("vae"))).isFalse();
        assertThat(progress.myProgress(LessonCatalog.AUTOENCODERS).started()).isFalse();
        assertThat(progress.continueEntry(Language.ENGLISH)).isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void progressCoversSectionsWidgetsQuizzesLabAndAssignment() {
        signIn.as(amina);
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("why-self-supervised"));
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("denoising"));
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.widget("denoise"));
        progress.record(amina.id(), LessonCatalog.AUTOENCODERS, ProgressItem.preQuiz());
        progress.record(amina.id(), LessonCatalog.AUTOENCODERS, ProgressItem.lab("denoising-ae"));
        progress.record(amina.id(), LessonCatalog.AUTOENCODERS, ProgressItem.assignment());
        LessonProgress mine = progress.myProgress(LessonCatalog.AUTOENCODERS);
        // "denoising" is a subsection: it counts as the last place reached, not as one of the 13 sections.
        assertThat(mine.sectionsReached()).containsExactly("why-self-supervised");
        assertThat(mine.lastSection()).contains("denoising");
        assertThat(mine.widgetsUsed()).containsExactly("denoise");
        assertThat(mine.preQuizDone()).isTrue();
        assertThat(mine.postQuizDone()).isFalse();
        assertThat(mine.labsDone()).containsExactly("denoising-ae");
        assertThat(mine.assignmentDone()).isTrue();
    }

    @Test
    void continueEntryPointsToTheLastNewSectionReachedInTheReadersLanguage() {
        signIn.as(amina);
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("encoder-decoder"));
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("vae-loss"));
        // Opening the lesson at its top again does not move the place to continue from.
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("encoder-decoder"));
        ContinueEntry entry = progress.continueEntry(Language.HEBREW).orElseThrow();
        assertThat(entry.lessonId()).isEqualTo(LessonCatalog.AUTOENCODERS);
        assertThat(entry.sectionId()).isEqualTo("vae-loss");
        assertThat(entry.sectionTitle()).matches(".*[\\u0590-\\u05FF].*");
    }

    @Test
    void aTeacherSeesTheProgressOfTheirOwnClassOnly() {
        AccountSummary rivka = fixture.teacher("rivka");
        AccountSummary other = fixture.teacher("other");
        signIn.as(rivka);
        ClassSummary year11 = classrooms.createClass("Year 11");
        signIn.as(amina);
        classrooms.join(year11.joinCode());
        progress.recordForCurrentUser(LessonCatalog.AUTOENCODERS, ProgressItem.section("vae"));

        signIn.as(rivka);
        assertThat(progress.classProgress(year11.id(), LessonCatalog.AUTOENCODERS)).singleElement()
                .satisfies(s -> {
                    assertThat(s.username()).isEqualTo("amina");
                    assertThat(s.progress().sectionsReached()).containsExactly("vae");
                });

        signIn.as(other);
        assertThatThrownBy(() -> progress.classProgress(year11.id(), LessonCatalog.AUTOENCODERS))
                .isInstanceOfSatisfying(org.latentlab.base.InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("classes.notFound"));
        signIn.as(amina);
        assertThatThrownBy(() -> progress.classProgress(year11.id(), LessonCatalog.AUTOENCODERS))
                .isInstanceOf(AccessDeniedException.class);
    }
}
