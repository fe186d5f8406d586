package org.latentlab.quiz;

import java.util.List;
import java.util.Set;

/** What a student answered to one question. */
public sealed interface GivenAnswer {

    /** Single or multiple choice: the ids of the chosen options. */
    record Choices(Set<String> optionIds) implements GivenAnswer {
        public Choices {
            optionIds = Set.copyOf(optionIds);
        }
    }

    record TrueFalse(boolean value) implements GivenAnswer {
    }

    record Number(double value) implements GivenAnswer {
    }

    /** "Order the steps": the step ids in the order the student put them. */
    record Order(List<String> stepIds) implements GivenAnswer {
        public Order {
            stepIds = List.copyOf(stepIds);
        }
    }
}
