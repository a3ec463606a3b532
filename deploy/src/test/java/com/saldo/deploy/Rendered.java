package com.saldo.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One overlay as {@code kubectl kustomize} renders it, read into the fabric8 Kubernetes and Istio
 * models: the text, the objects, and every field the models do not know (a misspelt field would
 * otherwise be dropped by the API server without a word).
 */
record Rendered(
    String overlay, String text, List<HasMetadata> objects, List<String> unknownFields) {

  static final Path DEPLOY = Path.of("").toAbsolutePath();

  /** The fabric8 models' own reading, which knows every registered kind (Istio's too). */
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Whether kubectl (with kustomize) is here; the tests skip cleanly where it is not. */
  static boolean kubectlPresent() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Rendered of(String overlay) {
    return parse(overlay, kustomize(DEPLOY.resolve("overlays").resolve(overlay)));
  }

  static String kustomize(Path dir) {
    try {
      Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Rendered parse(String overlay, String text) {
    Object parsed =
        SERIALIZATION.unmarshal(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      for (Object o : list) {
        objects.add((HasMetadata) o);
      }
    } else {
      objects.add((HasMetadata) parsed);
    }
    List<String> unknown = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof GenericKubernetesResource generic) {
        // a kind without a model (the Prometheus operator's): every field is "unknown", so it
        // must be one of the few such kinds expected here
        if (!MODELLESS.contains(generic.getKind())) {
          unknown.add(generic.getKind() + "/" + generic.getMetadata().getName() + ": no model");
        }
        continue;
      }
      unknownFields(
          o, o.getKind() + "/" + o.getMetadata().getName(), unknown, new IdentityHashMap<>());
    }
    return new Rendered(overlay, text, objects, unknown);
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(overlay + ": no " + type.getSimpleName() + " " + name));
  }

  /** Kinds of other operators, which the fabric8 models do not cover. */
  static final Set<String> MODELLESS = Set.of("PrometheusRule", "ServiceMonitor");

  private static final Set<String> SKIPPED_GETTERS = Set.of("getClass", "getAdditionalProperties");

  /** Walks the model by its getters and reports what landed in an additionalProperties map. */
  private static void unknownFields(
      Object value, String at, List<String> unknown, Map<Object, Boolean> seen) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>
        || seen.put(value, true) != null) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, at + "." + k, unknown, seen));
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, at + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    try {
      Method extra = value.getClass().getMethod("getAdditionalProperties");
      Object fields = extra.invoke(value);
      if (fields instanceof Map<?, ?> map && !map.isEmpty()) {
        unknown.add(at + ": " + map.keySet());
      }
    } catch (NoSuchMethodException e) {
      // a model class without the catch-all: nothing can hide in it
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
    for (Method m : value.getClass().getMethods()) {
      String name = m.getName();
      if (m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())
          && (name.startsWith("get") || name.startsWith("is"))
          && !SKIPPED_GETTERS.contains(name)
          && !m.getReturnType().isPrimitive()) {
        try {
          unknownFields(m.invoke(value), at + "." + name, unknown, seen);
        } catch (IllegalAccessException | InvocationTargetException e) {
          // a derived getter that needs state the object lacks: not a field
        }
      }
    }
  }
}
