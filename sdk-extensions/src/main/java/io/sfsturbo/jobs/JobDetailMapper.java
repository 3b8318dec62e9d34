// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.generated.model.GetSubJobDetail;
import io.sfsturbo.jobs.generated.model.ShowJobDetailResponse;
import io.sfsturbo.jobs.internal.http.DecodedJobResponse;
import java.util.List;

/** Copies the generated (mutable) model into the SDK's immutable {@link JobDetail}. */
final class JobDetailMapper {
  private JobDetailMapper() {}

  /**
   * Maps a decoded response.
   *
   * @param model the generated model, ideally as decoded by {@link JobResponseConverterFactory}
   * @param requestId the response's {@code X-request-id}, or null
   * @return the job
   */
  static JobDetail toJobDetail(ShowJobDetailResponse model, String requestId) {
    JsonObject tree = model instanceof DecodedJobResponse ? ((DecodedJobResponse) model).tree() : null;
    String rawJson = model instanceof DecodedJobResponse ? ((DecodedJobResponse) model).rawJson() : null;
    JobDetail.Builder b = JobDetail.builder()
        .jobId(model.getJobId())
        .status(status(tree, model.getStatus()))
        .jobType(model.getJobType())
        .beginTime(model.getBeginTime())
        .endTime(model.getEndTime())
        .errorCode(model.getErrorCode())
        .failReason(model.getFailReason())
        .requestId(requestId)
        .rawJson(rawJson);
    List<GetSubJobDetail> subs = model.getSubJobs();
    if (subs != null) {
      JsonArray subTrees = tree != null && tree.get("sub_jobs") instanceof JsonArray
          ? tree.getAsJsonArray("sub_jobs") : null;
      for (int i = 0; i < subs.size(); i++) {
        GetSubJobDetail s = subs.get(i);
        if (s == null) {
          continue;
        }
        JsonObject subTree = subTrees != null && i < subTrees.size() && subTrees.get(i).isJsonObject()
            ? subTrees.get(i).getAsJsonObject() : null;
        b.addSubJob(new SubJobDetail(s.getJobId(), status(subTree, s.getStatus()), s.getJobType(),
            s.getBeginTime(), s.getEndTime(), s.getErrorCode(), s.getFailReason()));
      }
    }
    return b.build();
  }

  private static JobStatus status(JsonObject tree, io.sfsturbo.jobs.generated.model.JobStatus parsed) {
    if (tree != null) {
      JsonElement raw = tree.get("status");
      if (raw != null && raw.isJsonPrimitive()) {
        return JobStatus.of(raw.getAsString());
      }
      return null;
    }
    return parsed == null ? null : JobStatus.of(parsed.getValue());
  }
}
