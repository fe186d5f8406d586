package org.latentlab.ml;

/** Where the deep-learning engine stands: still loading, ready, or not available on this server. */
public enum EngineState {
    /** PyTorch and the shipped models are loading in the background; lessons, quizzes and sign-in already work. */
    WARMING_UP,
    /** PyTorch and every shipped model that could be loaded are ready. */
    READY,
    /** PyTorch could not be loaded or is switched off; lessons and quizzes still work. */
    UNAVAILABLE
}
