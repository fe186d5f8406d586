package org.latentlab.ml;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deep-learning engine settings.
 *
 * @param enabled        false starts the app without loading PyTorch (lessons and quizzes still work)
 * @param cacheDir       where DJL unpacks the PyTorch native library from the jar; default {@code <data-dir>/djl-cache}
 * @param intraOpThreads threads one PyTorch operation may use. 1: our networks are small, so a second thread
 *                       hardly speeds up a training step (measured 32.3 s for the assignment's run with 1 thread,
 *                       32-35 s with 2), while two runs on one thread each make 1.65 times the runs per minute
 *                       (bench/class-burst/choose.sh); a worker uses its processors through compute slots instead
 * @param interOpThreads threads for running independent operations in parallel
 * @param modelsDir      a folder with pretrained models to use instead of those packed in the jar
 * @param inferenceSlots how many encode/decode calls may run at once per model
 * @param inferenceTotal how many may run at once across all models (more wait up to {@code inferenceWait}, then
 *                       are refused as busy: the decode API answers 503)
 * @param inferenceWait  how long a call may wait for a free slot
 * @param warmUpInBackground true: the web server answers while PyTorch and the shipped models load (pages that need
 *                       them say "warming up"); false: start-up waits for them (tests, command-line modes)
 */
@ConfigurationProperties("latentlab.ml")
public record MlProperties(
        @DefaultValue("true") boolean enabled,
        Path cacheDir,
        @DefaultValue("1") int intraOpThreads,
        @DefaultValue("1") int interOpThreads,
        Path modelsDir,
        @DefaultValue("4") int inferenceSlots,
        @DefaultValue("4") int inferenceTotal,
        @DefaultValue("250ms") Duration inferenceWait,
        @DefaultValue("true") boolean warmUpInBackground) {
}
