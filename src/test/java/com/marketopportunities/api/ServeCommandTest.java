package com.marketopportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import picocli.CommandLine;

/** What {@code serve} hands the service, and where the service listens. */
class ServeCommandTest {

    static ServeCommand parsed(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutNoWarmUpTheWarmUpIsLeftToTheEnvironmentsWarmUpVariable() {
        // WARM_UP=false was ignored: serve always passed --market-opportunities.warm-up=true
        assertThat(parsed("--port", "0").springArguments()).noneMatch(arg -> arg.contains("warm-up"));
        assertThat(parsed("--port", "0", "--no-warm-up").springArguments())
                .contains("--market-opportunities.warm-up=false");
    }

    @Test
    void theLauncherNoLongerDecidesTheAddress() {
        assertThat(parsed("--port", "0").springArguments()).noneMatch(arg -> arg.startsWith("--server.address"));
    }

    @Test
    void withoutApiKeysTheServiceListensOnLoopbackOnlyDecidedFromItsOwnKeys() {
        TomcatServletWebServerFactory withoutKeys = new TomcatServletWebServerFactory();
        TomcatServletWebServerFactory withKeys = new TomcatServletWebServerFactory();
        WebConfiguration web = new WebConfiguration();

        web.loopbackWithoutKeys(new ApiAccess("", "token")).customize(withoutKeys);
        web.loopbackWithoutKeys(new ApiAccess("k1:alice", "token")).customize(withKeys);

        assertThat(withoutKeys.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(withKeys.getAddress()).isNull();
    }
}
