package io.tradepilot.alerts.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The one way alerts POST JSON over HTTP (Telegram's Bot API, webhooks): the JDK client, no redirects, bounded
 * waits, and failures sorted into retryable (no answer, 408, 429, 5xx) and permanent (any other non-2xx).
 * Failure messages name the channel's endpoint only as {@code what} and never hold the secret.
 */
final class JsonPost {

    private final HttpClient client;
    private final Duration timeout;

    JsonPost(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /**
     * POSTs {@code json} and answers the response body of a 2xx answer.
     *
     * @param what   the receiver for messages ("Telegram", "the webhook")
     * @param secrets what must never appear in a message (the token; the URL and its parts)
     */
    String post(URI uri, String json, Map<String, String> headers, String what, java.util.Collection<String> secrets)
            throws DeliveryFailure {
        return post(uri, json, headers, what, secrets, timeout);
    }

    /** As {@link #post(URI, String, Map, String, java.util.Collection)}, waiting up to {@code answerTimeout} for the answer (a long poll). */
    String post(URI uri, String json, Map<String, String> headers, String what, java.util.Collection<String> secrets,
                Duration answerTimeout) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(answerTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending to " + what, false);
        } catch (IOException | RuntimeException e) {
            throw new DeliveryFailure("no answer from " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + DeliveryFailure.scrubbed(e.getMessage(), secrets)), false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new DeliveryFailure(what + " answered HTTP " + status + ": "
                + DeliveryFailure.scrubbed(response.body(), secrets), !retryable);
    }
}
