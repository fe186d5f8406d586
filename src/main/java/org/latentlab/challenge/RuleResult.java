package org.latentlab.challenge;

import java.util.List;

/**
 * One rule of a score, as students see it: a message (key and arguments), whether it was met, and the points it gave.
 */
public record RuleResult(String messageKey, List<String> arguments, boolean met, double points) {
}
