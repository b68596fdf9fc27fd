package org.automations.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines of a stored traceback the page folds: runs of container frames, nothing of the application's. */
class TracebackPageTest {

    @Test
    void runsOfContainerFramesAreFoldedAndTheApplicationsLinesStayOpen() {
        String trace = String.join("\n",
                "java.lang.IllegalStateException: boom",
                "\tat com.example.Mailer.send(Mailer.java:12)",
                "\tat org.automations.engine.StepRun.run(StepRun.java:40)",
                "\tat org.automations.engine.StepExecutor$Proxy$_$$_WeldSubclass.run(Unknown Source)",
                "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
                "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)",
                "\tat org.jboss.as.ee@39.0.1.Final//org.jboss.as.ee.component.ManagedReferenceMethodInterceptor.processInvocation(ManagedReferenceMethodInterceptor.java:52)",
                "\tat org.jboss.invocation@2.0.0.Final//org.jboss.invocation.InterceptorContext.proceed(InterceptorContext.java:422)",
                "\tat deployment.automations.ear.automations-ejb.jar//org.automations.engine.Tick.run(Tick.java:7)",
                "\tat io.undertow.core@2.3.18.Final//io.undertow.server.Connectors.executeRootHandler(Connectors.java:393)",
                "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
                "Caused by: java.io.IOException: refused",
                "\tat com.example.Mailer$$Lambda/0x000001.connect(Unknown Source)",
                "\t... 12 more");
        List<TracebackPage.Block> blocks = TracebackPage.blocks(trace);
        assertEquals(List.of(false, true, false, true, false), blocks.stream().map(TracebackPage.Block::container).toList());
        assertEquals(5, blocks.get(1).frames());
        assertEquals(2, blocks.get(3).frames());
        assertTrue(blocks.get(0).text().startsWith("java.lang.IllegalStateException: boom\n\tat com.example.Mailer.send"));
        assertTrue(blocks.get(2).text().contains("Tick.run"));
        assertTrue(blocks.get(4).text().startsWith("Caused by: java.io.IOException: refused"));
        assertTrue(blocks.get(4).text().endsWith("... 12 more"));
        assertEquals(trace, String.join("\n", blocks.stream().map(TracebackPage.Block::text).toList()), "no line is lost");
        assertFalse(blocks.stream().filter(b -> !b.container()).anyMatch(b -> b.text().contains("org.jboss")));
    }

    @Test
    void noTracebackHasNoBlocks() {
        assertTrue(TracebackPage.blocks(null).isEmpty());
    }
}
