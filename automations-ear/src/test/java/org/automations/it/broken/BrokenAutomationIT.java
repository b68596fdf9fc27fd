package org.automations.it.broken;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A broken automation anywhere in the application fails the deployment, naming class, node and problem. */
@ExtendWith(ArquillianExtension.class)
class BrokenAutomationIT {

    /** Refers to a node that does not exist. */
    public static class DanglingNext extends Automation {
        Execute start = new Execute().next("nowhere");
        End end = new End();
    }

    /** How much of server.log existed before this deployment: only what it logs afterwards counts. */
    private static long logBefore;

    @Deployment
    @ShouldThrowException(org.jboss.arquillian.container.spi.client.container.DeploymentException.class)
    static EnterpriseArchive deployment() throws IOException {
        logBefore = Files.size(serverLog());
        return Deployments.ear(BrokenAutomationIT.class);
    }

    @Test
    @RunAsClient
    void theDeploymentFailsWithAMessageNamingClassNodeAndProblem() throws IOException {
        byte[] log = Files.readAllBytes(serverLog());
        String text = new String(log, (int) Math.min(logBefore, log.length), (int) Math.max(0, log.length - logBefore),
                java.nio.charset.StandardCharsets.UTF_8);
        String expected = DanglingNext.class.getName() + ": node 'start' (Execute) refers to the unknown node 'nowhere'";
        assertTrue(text.contains(expected), "server.log should contain: " + expected);
    }

    private static Path serverLog() throws IOException {
        try (Stream<Path> files = Files.walk(Paths.get("target"), 5)) {
            return files.filter(p -> p.endsWith(Paths.get("standalone", "log", "server.log")))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no server.log under target/"));
        }
    }
}
