package org.latentlab.music;

import java.util.Locale;

/** The {@code README.md} the training command writes beside the melody VAE. */
final class MelodyModelReadme {

    private MelodyModelReadme() {
    }

    static String text(MelodyVaeMetadata m) {
        MelodyVaeConfig c = m.config();
        return String.format(Locale.ROOT, """
                # Melody VAE: two-bar melodies for the music challenges

                A variational autoencoder of short monophonic melodies, trained with DJL (PyTorch) and packed into the
                jar like the other shipped models; `music.ShippedMelodyModel` loads it at start-up. A melody
                is 32 sixteenth-note steps (two bars of 4/4), each a rest, a hold or a note from C3 to B5.

                Rebuild it (about %d s on 2 cores) with:

                    ./mvnw -B package -DskipTests
                    java --enable-native-access=ALL-UNNAMED -jar target/latent-lab-*.jar --train-melody-vae=models/melody-vae

                Options: `--epochs=%d`, `--latent-size=%d`, `--seed=%d` (the defaults shown). PyTorch's multi-threaded
                kernels round differently from run to run, so a rebuild lands within about a percentage point of the
                figures below rather than on them.

                **Data**: our corpus (`src/main/resources/latentlab/music/`, sources in `CORPUS.md`), %d entries: public-domain
                tunes and our exercises. Split by tune with seed %d: %d / %d / %d tunes for train / validation / test, then
                every melody in all twelve keys that fit the range: %d / %d / %d melodies. Test tunes are never seen in
                training, in any key.

                **Network**: one-hot input 32 x 38 = 1216 → %d → %d (ReLU, dropout %.2f) → mean and log-variance of a code
                of %d numbers → %d → %d → 1216 logits (38 per step). Loss per melody: cross-entropy summed over the 32
                steps plus the KL term, weighted %.2f (rising from 0 over the first %d epochs), with free bits %.2f nats
                per dimension. Adam, learning rate %s, batch %d, %d epochs.

                **Early stopping**: after every epoch the model reconstructs the validation melodies; the parameters kept
                are those of the epoch with the most validation steps right, epoch %d of %d. Later epochs mostly learn
                the training tunes by heart. The figures below are those of epoch %d.

                | split | loss (nats per melody) | steps right | note starts right |
                | --- | --- | --- | --- |
                | train | %.2f | %.1f %% | %.1f %% |
                | validation | %.2f | %.1f %% | %.1f %% |
                | test | %.2f (reconstruction %.2f + KL %.2f) | %.1f %% | %.1f %% |

                "Steps right" decodes each melody's mean code and counts the steps whose token matches. Most steps are
                holds (%.1f %% of the test steps, what a model answering "hold" everywhere would score), so the note
                starts are the harder figure: with %d numbers for an unseen tune in any key the model keeps the
                rhythm well and the pitches only in part. Tunes it trained on come back much better. The validation
                split (%d tunes) chose the epoch and the settings, so its figures are a little flattering; the test
                tunes were measured once, at the end.

                Trained %s with %s in %d s.
                """, m.trainingSeconds(), c.epochs(), c.latentSize(), c.seed(), m.corpusEntries(), m.splitSeed(),
                m.trainTunes(), m.validationTunes(), m.testTunes(), m.trainMelodies(), m.validationMelodies(),
                m.testMelodies(), c.hidden1(), c.hidden2(), c.dropout(), c.latentSize(), c.hidden2(), c.hidden1(),
                c.klWeight(), c.klWarmupEpochs(), c.freeBits(), c.learningRate(), c.batchSize(), c.epochs(),
                m.bestEpoch(), c.epochs(), m.bestEpoch(),
                m.trainLoss(), 100 * m.trainAccuracy(), 100 * m.trainNoteAccuracy(), m.validationLoss(),
                100 * m.validationAccuracy(), 100 * m.validationNoteAccuracy(),
                m.testLoss(), m.testReconstruction(), m.testKl(), 100 * m.testAccuracy(), 100 * m.testNoteAccuracy(),
                100 * m.testHoldShare(), c.latentSize(), m.validationTunes(), m.createdAt(), m.engine(),
                m.trainingSeconds());
    }
}
