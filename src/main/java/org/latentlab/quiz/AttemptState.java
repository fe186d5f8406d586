package org.latentlab.quiz;

public enum AttemptState {
    OPEN, SUBMITTED
}
