package org.latentlab.lesson;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImportedLessonRepository extends JpaRepository<ImportedLesson, Long> {

    Optional<ImportedLesson> findFirstByLessonIdAndLanguageOrderByVersionDesc(String lessonId, String language);

    @Query("select coalesce(max(l.version), 0) from ImportedLesson l where l.lessonId = ?1 and l.language = ?2")
    int latestVersion(String lessonId, String language);

    @Query("select l from ImportedLesson l where l.version = (select max(o.version) from ImportedLesson o "
            + "where o.lessonId = l.lessonId and o.language = l.language) order by l.lessonId, l.language")
    List<ImportedLesson> findLatest();
}
