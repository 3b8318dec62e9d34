// SPDX-License-Identifier: Apache-2.0
/**
 * The generated client: the model, the Retrofit interface and the text sanitizer. Compiled into
 * META-INF/versions/9 of a jar that runs on Java 8: a named module on the module path, the same classes
 * on the class path.
 */
module io.sfsturbo.jobs.generated {
  // In the public API: the models carry Gson's @JsonAdapter, the interface returns Retrofit's Call.
  requires transitive com.google.gson;
  requires transitive retrofit2;

  exports io.sfsturbo.jobs.api;
  exports io.sfsturbo.jobs.model;
  exports io.sfsturbo.jobs.text;

  // Gson makes each model's adapter (a nested class named by @JsonAdapter) by reflection.
  opens io.sfsturbo.jobs.model to com.google.gson;
}
