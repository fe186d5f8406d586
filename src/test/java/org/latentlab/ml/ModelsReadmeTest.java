package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** models/README.md, rewritten by --pretrain-models, keeps pointing at models that other commands train. */
class ModelsReadmeTest {

    @Test
    void foldersWithTheirOwnReadmeAreListedUnderOtherModels(@TempDir Path models) throws Exception {
        Files.createDirectories(models.resolve("melody-vae"));
        Files.writeString(models.resolve("melody-vae/README.md"), "\n# Melody VAE: two-bar melodies\n\nmore\n");
        Files.createDirectories(models.resolve("vae"));
        Files.writeString(models.resolve("vae/README.md"), "# one of ours\n");
        Files.createDirectories(models.resolve("empty"));
        Map<String, String> others = MlCommands.otherModels(models);
        assertThat(others).containsExactly(Map.entry("melody-vae", "Melody VAE: two-bar melodies"));
        String readme = MlCommands.modelsReadme(List.of(), others);
        assertThat(readme).contains("## Other models")
                .contains("- [`melody-vae`](melody-vae/README.md): Melody VAE: two-bar melodies");
        assertThat(MlCommands.modelsReadme(List.of(), Map.of())).doesNotContain("Other models");
    }

    @Test
    void theCommittedReadmeListsTheMelodyModel() throws Exception {
        assertThat(Path.of("models/README.md")).content()
                .contains("- [`melody-vae`](melody-vae/README.md): " + MlCommands.otherModels(Path.of("models"))
                        .get("melody-vae"));
    }

    @Test
    void theReadmeSaysTheConvolutionalVaeIsTheLessonsRecipeWithItsParameterCount() {
        String parameters = String.format(Locale.ROOT, "%,d parameters",
                NetworkDesign.assignment().analyse().parameters());
        assertThat(MlCommands.modelsReadme(List.of(), Map.of())).contains("`conv-vae` is the lesson's recipe")
                .contains("8 × 4 × 4 = 128 features").contains(parameters);
        assertThat(Path.of("models/README.md")).content().contains("`conv-vae` is the lesson's recipe")
                .contains(parameters);
    }
}
