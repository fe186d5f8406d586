package org.latentlab.quiz.format;

import java.util.List;

import org.latentlab.quiz.Quiz;

/** What an import produced: the quizzes (never empty; a file without any usable question is refused) and notes. */
public record ImportOutcome(List<Quiz> quizzes, List<ImportNote> notes) {

    public ImportOutcome {
        quizzes = List.copyOf(quizzes);
        notes = List.copyOf(notes);
    }

    public List<ImportNote> notes(ImportNote.Severity severity) {
        return notes.stream().filter(n -> n.severity() == severity).toList();
    }
}
