package org.latentlab.quiz;

/** One step of an "order the steps" question; a question lists its steps in the correct order. */
public record Step(String id, LocalizedText text) {
}
