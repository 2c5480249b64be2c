package com.marketopportunities.marketdata.yahoo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP clients of the stand-in's tests, as a browser or a Yahoo client would talk to it. */
final class StandInClients {

    private StandInClients() {
    }

    /** An HTTP/1.1 client keeping cookies in {@code cookies}, following redirects as told. */
    static HttpClient client(CookieManager cookies, HttpClient.Redirect redirect) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(redirect).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client that went through the handshake: it holds the session cookie. */
    static HttpClient sessionClient(YahooStandIn yahoo) throws IOException, InterruptedException {
        HttpClient client = client(new CookieManager(), HttpClient.Redirect.NORMAL);
        assertThat(get(client, yahoo.baseUrl().resolve("/")).statusCode()).isEqualTo(200);
        assertThat(get(client, yahoo.baseUrl().resolve("/v1/test/getcrumb")).body()).isEqualTo(yahoo.crumb());
        return client;
    }

    static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
