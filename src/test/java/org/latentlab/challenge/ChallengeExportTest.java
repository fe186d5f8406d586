package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The results as CSV: one line per student for the teacher who runs the challenge, and for nobody else. */
class ChallengeExportTest extends ChallengeClassroom {

    @Test
    void theTeacherGetsOneLinePerStudentWithTheCountedAnswersVectors() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        submissions.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        signIn.as(budi);
        submissions.submit(seven.id(), List.of(codeOf(3)), seven.modelVersion());

        signIn.as(rivka);
        List<String> lines = export.csv(seven.id()).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("rank,student,score,submitted_at,submissions,votes,vectors");
        assertThat(lines.get(1)).matches("1,\"Student amina\",\\d+\\.\\d,[^,]+,2,0,\"-?\\d+\\.\\d{4} -?\\d+\\.\\d{4}\"");
        assertThat(lines.get(2)).startsWith("2,\"Student budi\",");

        signIn.as(amina);
        assertThatThrownBy(() -> export.csv(seven.id())).isInstanceOf(AccessDeniedException.class);
        signIn.as(fixture.teacher("other"));
        assertThat(refusal(() -> export.csv(seven.id()))).isEqualTo("challenge.notFound");
    }

    @Test
    void aNameThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(ChallengeExport.quoted("Amina")).isEqualTo("\"Amina\"");
        assertThat(ChallengeExport.quoted("")).isEqualTo("\"\"");
        assertThat(ChallengeExport.quoted("Say \"hi\"")).isEqualTo("\"Say \"\"hi\"\"\"");
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)")) {
            assertThat(ChallengeExport.quoted(formula)).isEqualTo("\"'" + formula + "\"");
        }
    }
}
