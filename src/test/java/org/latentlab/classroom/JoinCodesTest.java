package org.latentlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class JoinCodesTest {

    @RepeatedTest(20)
    void generatedCodesUseOnlyUnambiguousCharacters() {
        String code = JoinCodes.generate();
        assertThat(code).hasSize(JoinCodes.LENGTH).matches("[" + JoinCodes.ALPHABET + "]+");
        assertThat(JoinCodes.normalize(JoinCodes.display(code))).isEqualTo(code);
    }

    @Test
    void typedCodesAreAcceptedInAnyCaseWithDashOrSpaces() {
        assertThat(JoinCodes.normalize("abcd-efgh")).isEqualTo("ABCDEFGH");
        assertThat(JoinCodes.normalize(" ABCD EFGH ")).isEqualTo("ABCDEFGH");
    }

    @Test
    void impossibleCodesAreRecognised() {
        assertThat(JoinCodes.normalize("ABC")).isNull();
        assertThat(JoinCodes.normalize("ABCDEFG0")).isNull();
        assertThat(JoinCodes.normalize("x".repeat(10_000))).isNull();
        assertThat(JoinCodes.normalize(null)).isNull();
    }
}
