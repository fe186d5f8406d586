package org.latentlab.lesson;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.Language;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.lesson.LessonRenderer.Section;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Records what students do in lessons and answers "how far is this student". The database is the source of truth:
 * every event is written at once, in its own statement, and recording the same event again only updates the time
 * it last happened (idempotent), so a crash loses nothing that was acknowledged and a retry doubles nothing.
 */
@Service
public class LessonProgressService {

    private final JdbcClient jdbc;
    private final LessonCatalog catalog;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final Clock clock;

    LessonProgressService(JdbcClient jdbc, LessonCatalog catalog, CurrentUser currentUser,
            ClassroomService classrooms, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.clock = clock;
    }

    /**
     * Records an event of the signed-in user coming from a lesson page; ignored for visitors without an account
     * and for anything the lesson does not have (the browser sends section ids, so they are checked here).
     *
     * @return whether something was recorded
     */
    public boolean recordForCurrentUser(String lessonId, ProgressItem item) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty() || !valid(lessonId, item)) {
            return false;
        }
        record(user.get().userId(), lessonId, item);
        return true;
    }

    private boolean valid(String lessonId, ProgressItem item) {
        Optional<LessonCatalog.LessonText> text = catalog.text(lessonId, Language.ENGLISH);
        if (text.isEmpty()) {
            return false;
        }
        return switch (item.kind()) {
            case SECTION -> catalog.rendered(text.get()).sections().stream()
                    .anyMatch(section -> section.id().equals(item.key()));
            case WIDGET -> ProgressItem.WIDGETS.contains(item.key());
            // Quizzes, Lab runs and the assignment are reported by their own features, never by the lesson page.
            case QUIZ, LAB, ASSIGNMENT -> false;
        };
    }

    /** Records an event for a student; for server-side callers (quizzes, Lab) that have checked who did it. */
    public void record(long userId, String lessonId, ProgressItem item) {
        Timestamp now = Timestamp.from(clock.instant());
        String stored = item.stored();
        if (touch(userId, lessonId, stored, now) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into lesson_progress (user_id, lesson_id, item, first_at, last_at, hits) "
                    + "values (?, ?, ?, ?, ?, 1)")
                    .params(userId, lessonId, stored, now, now).update();
        } catch (DuplicateKeyException raced) {
            // Another request recorded the same event a moment ago: count this one as a repeat.
            touch(userId, lessonId, stored, now);
        }
    }

    private int touch(long userId, String lessonId, String stored, Timestamp now) {
        return jdbc.sql("update lesson_progress set last_at = ?, hits = hits + 1 "
                + "where user_id = ? and lesson_id = ? and item = ?")
                .params(now, userId, lessonId, stored).update();
    }

    /** The signed-in user's progress in a lesson; empty progress for visitors. */
    public LessonProgress myProgress(String lessonId) {
        return currentUser.get().map(user -> progressOf(user.userId(), lessonId))
                .orElseGet(() -> progressFrom(lessonId, List.of()));
    }

    LessonProgress progressOf(long userId, String lessonId) {
        return progressFrom(lessonId, rows(List.of(userId), lessonId).getOrDefault(userId, List.of()));
    }

    /** Progress of every student of one of the teacher's own classes (another teacher's class is refused). */
    @PreAuthorize("hasRole('TEACHER')")
    public List<StudentProgress> classProgress(long classId, String lessonId) {
        List<ClassMember> members = classrooms.members(classId);
        Map<Long, List<Row>> rows = rows(members.stream().map(ClassMember::studentId).toList(), lessonId);
        List<StudentProgress> result = new ArrayList<>();
        for (ClassMember member : members) {
            result.add(new StudentProgress(member.studentId(), member.username(), member.displayName(),
                    progressFrom(lessonId, rows.getOrDefault(member.studentId(), List.of()))));
        }
        return result;
    }

    /**
     * Where the signed-in user left off: the section they reached for the first time most recently, in any lesson,
     * titled in the given language. Re-reading earlier sections (e.g. opening a lesson at its top) does not move it.
     */
    public Optional<ContinueEntry> continueEntry(Language language) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        List<Row> latest = jdbc.sql("select lesson_id, item, first_at from lesson_progress "
                + "where user_id = ? and item like 'section:%' order by first_at desc, id desc limit 20")
                .param(user.get().userId())
                .query((rs, n) -> new Row(0, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        for (Row row : latest) {
            Optional<LessonCatalog.LessonText> text = catalog.text(row.lessonId(), language);
            if (text.isEmpty()) {
                continue;
            }
            String sectionId = row.item().substring("section:".length());
            Optional<Section> section = catalog.rendered(text.get()).sections().stream()
                    .filter(s -> s.id().equals(sectionId)).findFirst();
            if (section.isPresent()) {
                return Optional.of(new ContinueEntry(row.lessonId(), text.get().title(), sectionId,
                        section.get().title(), row.at()));
            }
        }
        return Optional.empty();
    }

    private record Row(long userId, String lessonId, String item, Instant at) {
    }

    private Map<Long, List<Row>> rows(Collection<Long> userIds, String lessonId) {
        Map<Long, List<Row>> byUser = new HashMap<>();
        if (userIds.isEmpty()) {
            return byUser;
        }
        String marks = String.join(",", java.util.Collections.nCopies(userIds.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(lessonId);
        params.addAll(userIds);
        jdbc.sql("select user_id, lesson_id, item, last_at from lesson_progress where lesson_id = ? and user_id in ("
                + marks + ") order by last_at, id")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list()
                .forEach(row -> byUser.computeIfAbsent(row.userId(), k -> new ArrayList<>()).add(row));
        return byUser;
    }

    private LessonProgress progressFrom(String lessonId, List<Row> rows) {
        // Progress counts the lesson's top-level sections; reaching a subsection still moves "last section".
        Set<String> topSections = catalog.text(lessonId, Language.ENGLISH)
                .map(text -> catalog.rendered(text).sections().stream().filter(s -> s.level() == 2)
                        .map(Section::id).collect(java.util.stream.Collectors.toSet()))
                .orElse(Set.of());
        int sectionCount = topSections.size();
        Set<String> sections = new LinkedHashSet<>();
        Set<String> widgets = new LinkedHashSet<>();
        Set<String> labs = new LinkedHashSet<>();
        boolean pre = false;
        boolean post = false;
        boolean assignment = false;
        String lastSection = null;
        Instant last = null;
        for (Row row : rows) {
            Optional<ProgressItem> item = ProgressItem.parse(row.item());
            if (item.isEmpty()) {
                continue;
            }
            last = last == null || row.at().isAfter(last) ? row.at() : last;
            switch (item.get().kind()) {
                case SECTION -> {
                    if (topSections.contains(item.get().key())) {
                        sections.add(item.get().key());
                    }
                    lastSection = item.get().key();
                }
                case WIDGET -> widgets.add(item.get().key());
                case QUIZ -> {
                    pre |= item.get().key().equals("pre");
                    post |= item.get().key().equals("post");
                }
                case LAB -> labs.add(item.get().key());
                case ASSIGNMENT -> assignment = true;
            }
        }
        return new LessonProgress(lessonId, sectionCount, Set.copyOf(sections), Set.copyOf(widgets), pre, post,
                Set.copyOf(labs), assignment, Optional.ofNullable(lastSection), Optional.ofNullable(last));
    }
}
