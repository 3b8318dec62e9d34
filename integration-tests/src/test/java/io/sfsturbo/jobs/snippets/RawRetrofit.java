// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

// BEGIN: generation.raw-retrofit
import io.sfsturbo.jobs.api.JobsApi;
import io.sfsturbo.jobs.model.JobDetail;
import java.io.IOException;
import okhttp3.OkHttpClient;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

public class RawRetrofit {
  public static void main(String[] args) throws IOException {
    JobDetail job = show("https://sfs-turbo.eu-de.otc.t-systems.com/", System.getenv("SFSTURBO_AUTH_TOKEN"),
        System.getenv("HUAWEICLOUD_SDK_PROJECT_ID"), args[0]);
    System.out.println(job.jobId() + " " + job.statusAsString());
  }

  static JobDetail show(String endpoint, String token, String projectId, String jobId) throws IOException {
    // The interface leaves out the headers it declares as managed: set them yourself.
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("X-Auth-Token", token)
            .header("Content-Type", "application/json")
            .build()))
        .build();
    JobsApi api = new Retrofit.Builder()
        .baseUrl(endpoint)
        .client(http)
        .addConverterFactory(GsonConverterFactory.create())   // the models carry their own Gson adapters
        .build()
        .create(JobsApi.class);
    Response<JobDetail> response = api.showJobDetail(projectId, jobId).execute();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());      // no typed errors, retries or waits here
    }
    return response.body();
  }
}
// END: generation.raw-retrofit
