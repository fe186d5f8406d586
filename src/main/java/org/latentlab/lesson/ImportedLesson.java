package org.latentlab.lesson;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One imported version of a curriculum lesson in one language; never overwritten, newer versions are added. */
@Entity
@Table(name = "imported_lesson")
class ImportedLesson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lesson_id", nullable = false)
    private String lessonId;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String title;

    @Lob
    @Column(nullable = false)
    private String markdown;

    @Column(name = "source_name", nullable = false)
    private String sourceName;

    @Lob
    @Column(nullable = false)
    private String report;

    @Column(name = "imported_by", nullable = false)
    private long importedBy;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected ImportedLesson() {
    }

    ImportedLesson(String lessonId, String language, int version, String title, String markdown, String sourceName,
            String report, long importedBy, Instant importedAt) {
        this.lessonId = lessonId;
        this.language = language;
        this.version = version;
        this.title = title;
        this.markdown = markdown;
        this.sourceName = sourceName;
        this.report = report;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    Long getId() {
        return id;
    }

    String getLessonId() {
        return lessonId;
    }

    String getLanguage() {
        return language;
    }

    int getVersion() {
        return version;
    }

    String getTitle() {
        return title;
    }

    String getMarkdown() {
        return markdown;
    }

    String getSourceName() {
        return sourceName;
    }

    Instant getImportedAt() {
        return importedAt;
    }
}
