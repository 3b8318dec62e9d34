// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API shows only what users need: no internal, transport or JSON type in a public
 * signature (but for the documented way to share an OkHttp pool, and the generated Retrofit interface,
 * which is a Retrofit interface by design), and one class per concept. Checked across both jars a user
 * compiles against: this module's and the generated client's ({@code sfsturbo-jobs-generated}).
 */
class PublicApiTest {
  private static final List<Path> ROOTS = Arrays.asList(Paths.get("target/classes"),
      codeSource(io.sfsturbo.jobs.model.JobDetail.class));
  /** The generated Retrofit interface: its purpose is a Retrofit signature. */
  private static final String RETROFIT_INTERFACE_PACKAGE = "io.sfsturbo.jobs.api.";
  private static final List<String> FORBIDDEN = Arrays.asList("io.sfsturbo.jobs.internal.", "okhttp3.", "retrofit2.",
      "com.google.gson.", "kotlin.");
  /** Deliberate extension points: sharing the caller's OkHttp client (connection pool, proxy, TLS). */
  private static final Set<String> ALLOWED = new HashSet<>(Arrays.asList(
      "io.sfsturbo.jobs.config.HttpConfiguration$Builder.httpClient",
      "io.sfsturbo.jobs.config.HttpConfiguration.httpClient",
      "io.sfsturbo.jobs.auth.IamPasswordCredentials$Builder.httpClient",
      "io.sfsturbo.jobs.auth.IamPasswordCredentials.withHttpClient"));

  /** The classes directory or jar a class was loaded from: the generated client's jar in the reactor or a repository. */
  private static Path codeSource(Class<?> c) {
    try {
      return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> classNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path root : ROOTS) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".class"))
              .map(p -> root.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", ""))
              .forEach(names::add);
        }
      } else {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
          jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class"))
              .map(n -> n.replace('/', '.').replaceAll("\\.class$", "")).forEach(names::add);
        }
      }
    }
    assertFalse(names.stream().noneMatch(n -> n.startsWith("io.sfsturbo.jobs.model.")), "the generated classes");
    names.sort(null);
    return names;
  }

  @Test
  void publicSignaturesShowNoInternalOrTransportType() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String name : classNames()) {
      if (name.contains(".internal.") || name.endsWith("package-info") || name.endsWith("module-info")
          || name.startsWith(RETROFIT_INTERFACE_PACKAGE)) {
        continue;
      }
      Class<?> c = Class.forName(name, false, getClass().getClassLoader());
      if (!isVisible(c)) {
        continue;
      }
      check(c.getName() + " extends", c.getGenericSuperclass(), problems);
      for (Type t : c.getGenericInterfaces()) {
        check(c.getName() + " implements", t, problems);
      }
      for (Method m : c.getDeclaredMethods()) {
        if (isVisible(m.getModifiers()) && !m.isSynthetic()) {
          checkExecutable(c.getName() + "." + m.getName(), m, m.getGenericReturnType(), problems);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (isVisible(k.getModifiers())) {
          checkExecutable(c.getName() + ".<init>", k, null, problems);
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (isVisible(f.getModifiers()) && !f.isSynthetic()) {
          check(c.getName() + "." + f.getName(), f.getGenericType(), problems);
        }
      }
    }
    assertEquals(new ArrayList<>(), problems);
  }

  @Test
  void eachConceptIsOneClass() throws Exception {
    Set<String> seen = new TreeSet<>();
    List<String> twice = new ArrayList<>();
    for (String name : classNames()) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!simple.contains("$") && !simple.equals("package-info") && !simple.equals("module-info")
          && !seen.add(simple)) {
        twice.add(simple);
      }
    }
    assertEquals(new ArrayList<>(), twice, "classes of the same name in two packages");
    assertFalse(seen.isEmpty());
  }

  private static void checkExecutable(String where, Executable e, Type returned, List<String> problems) {
    if (ALLOWED.contains(where)) {
      return;
    }
    if (returned != null) {
      check(where + " returns", returned, problems);
    }
    for (Type p : e.getGenericParameterTypes()) {
      check(where + " takes", p, problems);
    }
    for (Type x : e.getGenericExceptionTypes()) {
      check(where + " throws", x, problems);
    }
  }

  private static void check(String where, Type type, List<String> problems) {
    if (type == null) {
      return;
    }
    if (type instanceof ParameterizedType) {
      check(where, ((ParameterizedType) type).getRawType(), problems);
      for (Type a : ((ParameterizedType) type).getActualTypeArguments()) {
        check(where, a, problems);
      }
    } else if (type instanceof GenericArrayType) {
      check(where, ((GenericArrayType) type).getGenericComponentType(), problems);
    } else if (type instanceof WildcardType) {
      for (Type b : ((WildcardType) type).getUpperBounds()) {
        check(where, b, problems);
      }
    } else if (type instanceof Class) {
      String name = ((Class<?>) type).getName();
      for (String forbidden : FORBIDDEN) {
        if (name.startsWith(forbidden)) {
          problems.add(where + " " + name);
        }
      }
    }
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
