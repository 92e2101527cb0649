package dev.ananke.maze.backend;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class HttpTest {

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertEquals(Duration.ofSeconds(7), Http.parseRetryAfter("7"));
    assertEquals(Duration.ZERO, Http.parseRetryAfter("0"));
    assertEquals(Duration.ZERO, Http.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), "a date in the past: retry now");
    Duration d = Http.parseRetryAfter(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90).format(DateTimeFormatter.RFC_1123_DATE_TIME));
    assertNotNull(d);
    assertTrue(d.toSeconds() > 60 && d.toSeconds() <= 90, d.toString());
    assertNull(Http.parseRetryAfter("soon"));
    assertNull(Http.parseRetryAfter("-3"));
  }

  @Test
  void theServersMessageIsFoundWhereEachServerPutsIt() throws Exception {
    assertEquals("bad", Http.errorMessage(Http.JSON.readTree("{\"error\":{\"message\":\"bad\",\"code\":400}}")));
    assertEquals("bad", Http.errorMessage(Http.JSON.readTree("{\"error\":\"bad\"}")));
    assertEquals("bad", Http.errorMessage(Http.JSON.readTree("{\"object\":\"error\",\"message\":\"bad\",\"code\":400}")));
    assertEquals("bad", Http.errorMessage(Http.JSON.readTree("{\"detail\":\"bad\"}")));
    assertEquals("[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\"}]",
        Http.errorMessage(Http.JSON.readTree("{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\"}]}")));
    assertNull(Http.errorMessage(Http.JSON.readTree("{\"ok\":true}")));
  }

  @Test
  void durationsReadAsPeople() {
    assertEquals("300 ms", Http.human(Duration.ofMillis(300)));
    assertEquals("2 s", Http.human(Duration.ofSeconds(2)));
    assertEquals("1.5 s", Http.human(Duration.ofMillis(1500)));
  }
}
