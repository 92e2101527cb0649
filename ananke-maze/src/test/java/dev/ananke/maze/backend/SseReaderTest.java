package dev.ananke.maze.backend;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static List<String> events(String stream, SseReader.End expected) throws IOException {
    List<String> out = new ArrayList<>();
    SseReader.End end = SseReader.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), (name, data) -> {
      out.add(name + "=" + data);
      return true;
    });
    assertEquals(expected, end);
    return out;
  }

  @Test
  void dataLinesJoinWithNewlinesAndABlankLineDispatches() throws IOException {
    assertEquals(List.of("message=a\nb", "message=c"), events("data: a\ndata: b\n\ndata: c\n\n", SseReader.End.EOF));
  }

  @Test
  void onlyOneSpaceAfterTheColonIsDropped() throws IOException {
    assertEquals(List.of("message=x", "message= y", "message="), events("data:x\n\ndata:  y\n\ndata\n\n", SseReader.End.EOF));
  }

  @Test
  void commentsIdsRetriesAndUnknownFieldsAreIgnored() throws IOException {
    assertEquals(
        List.of("message={\"a\":1}"),
        events(": ping\nid: 7\nretry: 100\nfoo: bar\ndata: {\"a\":1}\n\n: keep-alive\n\n", SseReader.End.EOF));
  }

  @Test
  void crAndCrlfEndLinesToo() throws IOException {
    assertEquals(List.of("message=a", "message=b"), events("data: a\r\n\r\ndata: b\r\rdata: [DONE]\r\n\r\n", SseReader.End.DONE));
  }

  @Test
  void doneEndsTheStreamAndWhatFollowsIsNotRead() throws IOException {
    assertEquals(List.of("message=1"), events("data: 1\n\ndata: [DONE]\n\ndata: 2\n\n", SseReader.End.DONE));
  }

  @Test
  void anEventNotClosedByABlankLineIsDropped() throws IOException {
    assertEquals(List.of("message=1"), events("data: 1\n\ndata: 2\n", SseReader.End.EOF));
  }

  @Test
  void eventNamesAndLlamaCppsErrorFieldAreReported() throws IOException {
    assertEquals(
        List.of("delta=x", "error={\"code\":500}"),
        events("event: delta\ndata: x\n\nerror: {\"code\":500}\n\n", SseReader.End.EOF));
  }

  @Test
  void theHandlerCanStop() throws IOException {
    List<String> seen = new ArrayList<>();
    SseReader.End end = SseReader.read(
        new ByteArrayInputStream("data: 1\n\ndata: 2\n\n".getBytes(StandardCharsets.UTF_8)),
        (name, data) -> seen.add(data) && false);
    assertEquals(SseReader.End.STOPPED, end);
    assertEquals(List.of("1"), seen);
  }

  @Test
  void utf8SplitAcrossReadsIsDecodedWhole() throws IOException {
    assertEquals(List.of("message=naïve → ✓"), events("data: naïve → ✓\n\n", SseReader.End.EOF));
  }
}
