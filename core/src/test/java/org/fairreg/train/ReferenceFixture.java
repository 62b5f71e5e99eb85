package org.fairreg.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One first-epoch fixture of the numpy reference (tools/reference/recipe_numpy.py). */
final class ReferenceFixture {

    private final JsonNode root;

    private ReferenceFixture(JsonNode root) {
        this.root = root;
    }

    static ReferenceFixture load(String objective, String dtype) {
        String resource = "/reference/recipe_" + objective + "_seed42_" + dtype + ".json";
        try (InputStream in = ReferenceFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ReferenceFixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double number(String key) {
        return root.get(key).doubleValue();
    }

    double[] numbers(String key) {
        JsonNode array = root.get(key);
        double[] values = new double[array.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = array.get(j).doubleValue();
        }
        return values;
    }
}
