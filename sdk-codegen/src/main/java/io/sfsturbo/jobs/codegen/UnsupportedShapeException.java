// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/** A property whose shape the project's generator does not bind: generation stops, naming the schema and property. */
final class UnsupportedShapeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsupportedShapeException(CodegenModel model, CodegenProperty property, String shape) {
    super("schema '" + (model.schemaName != null ? model.schemaName : model.name) + "', property '"
        + property.baseName + "': " + shape + " is not supported by the SDK's generator "
        + "(sdk-codegen, io.sfsturbo.jobs.codegen.Shapes, lists the shapes it binds)");
  }

  UnsupportedShapeException(String message) {
    super(message);
  }
}
