package com.saldo.gateway;

import com.saldo.problem.ProblemAdvice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page of each problem code that problem {@code type}s point at, served without a credential
 * (the OpenAPI document of the public API is served by {@link ProxyServlet}).
 */
@RestController
public class PublicPages {

  private static final Pattern CODE = Pattern.compile("[a-z_]{1,64}");

  @GetMapping("/problems/{code}")
  public ResponseEntity<String> problem(@PathVariable("code") String code) throws IOException {
    if (!CODE.matcher(code).matches()
        || !new ClassPathResource("problems/" + code + ".md").exists()) {
      throw ProblemAdvice.forStatus(404);
    }
    String markdown = new String(read("problems/" + code + ".md"), StandardCharsets.UTF_8);
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + HtmlUtils.htmlEscape(code)
            + "</title></head><body><pre style=\"white-space: pre-wrap; font: 16px/1.5 sans-serif\">"
            + HtmlUtils.htmlEscape(markdown)
            + "</pre></body></html>";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(html);
  }

  private static byte[] read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    }
  }
}
