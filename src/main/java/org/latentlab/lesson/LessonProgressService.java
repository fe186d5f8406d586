package org.latentlab.lesson;

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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Records what students do in lessons and answers "how far is this student". The database is the source of truth:
 * every event is written at once, in its own statement, and recording the same event again only updates the time
 * it last happened (idempotent), so a crash loses nothing that was acknowledged and a retry doubles nothing.
 */
@Service
public class LessonProgressService {

    private final LessonRecords records;
    private final LessonCatalog catalog;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final Clock clock;

    LessonProgressService(LessonRecords records, LessonCatalog catalog, CurrentUser currentUser,
            ClassroomService classrooms, Clock clock) {
        this.records = records;
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
        records.recordProgress(userId, lessonId, item.stored(), clock.instant());
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
        Map<Long, List<LessonRecords.ProgressRow>> rows = rows(
                members.stream().map(ClassMember::studentId).toList(), lessonId);
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
        for (LessonRecords.ProgressRow row : records.latestFirstSections(user.get().userId(), 20)) {
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

    private Map<Long, List<LessonRecords.ProgressRow>> rows(Collection<Long> userIds, String lessonId) {
        Map<Long, List<LessonRecords.ProgressRow>> byUser = new HashMap<>();
        records.progress(userIds, lessonId)
                .forEach(row -> byUser.computeIfAbsent(row.userId(), k -> new ArrayList<>()).add(row));
        return byUser;
    }

    private LessonProgress progressFrom(String lessonId, List<LessonRecords.ProgressRow> rows) {
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
        for (LessonRecords.ProgressRow row : rows) {
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
