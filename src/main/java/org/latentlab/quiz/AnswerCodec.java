package org.latentlab.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers and option orders as the small JSON texts stored with attempts. */
final class AnswerCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerCodec() {
    }

    static String write(GivenAnswer answer) {
        ObjectNode node = JSON.createObjectNode();
        switch (answer) {
            case GivenAnswer.Choices(Set<String> ids) -> {
                ArrayNode array = node.putArray("choices");
                ids.stream().sorted().forEach(array::add);
            }
            case GivenAnswer.TrueFalse(boolean value) -> node.put("value", value);
            case GivenAnswer.Number(double value) -> node.put("number", value);
            case GivenAnswer.Order(List<String> ids) -> {
                ArrayNode array = node.putArray("order");
                ids.forEach(array::add);
            }
        }
        return JSON.writeValueAsString(node);
    }

    static GivenAnswer read(String json) {
        JsonNode node = JSON.readTree(json);
        if (node.has("choices")) {
            Set<String> ids = new LinkedHashSet<>();
            node.get("choices").forEach(id -> ids.add(id.asString()));
            return new GivenAnswer.Choices(ids);
        }
        if (node.has("value")) {
            return new GivenAnswer.TrueFalse(node.get("value").asBoolean());
        }
        if (node.has("number")) {
            return new GivenAnswer.Number(node.get("number").asDouble());
        }
        List<String> order = new ArrayList<>();
        node.get("order").forEach(id -> order.add(id.asString()));
        return new GivenAnswer.Order(order);
    }

    static String writeOrders(Map<String, List<String>> orders) {
        return JSON.writeValueAsString(orders);
    }

    static Map<String, List<String>> readOrders(String json) {
        Map<String, List<String>> orders = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(entry -> {
            List<String> ids = new ArrayList<>();
            entry.getValue().forEach(id -> ids.add(id.asString()));
            orders.put(entry.getKey(), ids);
        });
        return orders;
    }
}
