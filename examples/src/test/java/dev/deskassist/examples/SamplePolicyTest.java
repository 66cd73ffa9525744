package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.deskassist.core.writeback.Output;
import dev.deskassist.core.writeback.OutputRule;
import dev.deskassist.core.writeback.WriteBackPolicy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped sample policy must stay loadable. */
class SamplePolicyTest {

    @Test
    void samplePolicyLoads() throws Exception {
        String name = "/dev/deskassist/examples/sample/writeback-policy.json";
        try (InputStream in = SamplePolicyTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            WriteBackPolicy p = WriteBackPolicy.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            assertEquals(OutputRule.auto(0.85), p.rule(Output.DRAFT));
            assertEquals(Set.of("login", "delivery"), p.publicReplyCategories());
        }
    }
}
