// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

import java.util.HashMap;
import java.util.Map;

/**
 * The error codes the SFS Turbo service documents, so that callers can branch on a code
 * without magic strings: {@code if (e.knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID)}.
 *
 * <p>A code the catalogue does not name is still available as text from
 * {@link ServiceException#errorCode()}.
 */
public enum SfsTurboErrorCode {
  /** {@code SFS.TURBO.0001}: Parameter error. */
  PARAMETER_ERROR("SFS.TURBO.0001", "Parameter error"),
  /** {@code SFS.TURBO.0002}: Cluster (file system) not found. */
  FILE_SYSTEM_NOT_FOUND("SFS.TURBO.0002", "Cluster (file system) not found"),
  /** {@code SFS.TURBO.0003}: Invalid name. */
  INVALID_NAME("SFS.TURBO.0003", "Invalid name"),
  /** {@code SFS.TURBO.0004}: Invalid VPC. */
  INVALID_VPC("SFS.TURBO.0004", "Invalid VPC"),
  /** {@code SFS.TURBO.0005}: Internal server error. */
  INTERNAL_SERVER_ERROR("SFS.TURBO.0005", "Internal server error"),
  /** {@code SFS.TURBO.0006}: Invalid subnet. */
  INVALID_SUBNET("SFS.TURBO.0006", "Invalid subnet"),
  /** {@code SFS.TURBO.0007}: Invalid share type. */
  INVALID_SHARE_TYPE("SFS.TURBO.0007", "Invalid share type"),
  /** {@code SFS.TURBO.0008}: Invalid size. */
  INVALID_SIZE("SFS.TURBO.0008", "Invalid size"),
  /** {@code SFS.TURBO.0009}: Name already exists. */
  NAME_ALREADY_EXISTS("SFS.TURBO.0009", "Name already exists"),
  /** {@code SFS.TURBO.0010}: Quota exceeded. */
  QUOTA_EXCEEDED("SFS.TURBO.0010", "Quota exceeded"),
  /** {@code SFS.TURBO.0011}: The file system is busy with another operation. */
  FILE_SYSTEM_BUSY("SFS.TURBO.0011", "The file system is busy with another operation"),
  /** {@code SFS.TURBO.0015}: No permission. */
  NO_PERMISSION("SFS.TURBO.0015", "No permission"),
  /** {@code SFS.TURBO.0016}: Tag error. */
  TAG_ERROR_0016("SFS.TURBO.0016", "Tag error"),
  /** {@code SFS.TURBO.0017}: Tag error. */
  TAG_ERROR_0017("SFS.TURBO.0017", "Tag error"),
  /** {@code SFS.TURBO.0018}: Tag error. */
  TAG_ERROR_0018("SFS.TURBO.0018", "Tag error"),
  /** {@code SFS.TURBO.0019}: Invalid job ID. */
  INVALID_JOB_ID("SFS.TURBO.0019", "Invalid job ID"),
  /** {@code SFS.TURBO.0020}: Invalid flavor. */
  INVALID_FLAVOR("SFS.TURBO.0020", "Invalid flavor"),
  /** {@code SFS.TURBO.0021}: File system does not match. */
  FILE_SYSTEM_MISMATCH("SFS.TURBO.0021", "File system does not match"),
  /** {@code SFS.TURBO.0022}: Backup name already exists. */
  BACKUP_NAME_EXISTS("SFS.TURBO.0022", "Backup name already exists"),
  /** {@code SFS.TURBO.0023}: Invalid flavor reference. */
  INVALID_FLAVOR_REFERENCE("SFS.TURBO.0023", "Invalid flavor reference"),
  /** {@code SFS.TURBO.0024}: Operation not allowed. */
  OPERATION_NOT_ALLOWED("SFS.TURBO.0024", "Operation not allowed"),
  /** {@code SFS.TURBO.0025}: Tag error. */
  TAG_ERROR_0025("SFS.TURBO.0025", "Tag error"),
  /** {@code SFS.TURBO.0026}: Tag error. */
  TAG_ERROR_0026("SFS.TURBO.0026", "Tag error"),
  /** {@code SFS.TURBO.0027}: Invalid security group. */
  INVALID_SECURITY_GROUP("SFS.TURBO.0027", "Invalid security group"),
  /** {@code SFS.TURBO.0028}: Invalid encryption key. */
  INVALID_ENCRYPTION_KEY("SFS.TURBO.0028", "Invalid encryption key"),
  /** {@code SFS.TURBO.0029}: Not enough IP addresses in the subnet. */
  SUBNET_IPS_EXHAUSTED("SFS.TURBO.0029", "Not enough IP addresses in the subnet"),
  /** {@code SFS.TURBO.0030}: Compute resources sold out. */
  COMPUTE_SOLD_OUT("SFS.TURBO.0030", "Compute resources sold out"),
  /** {@code SFS.TURBO.0031}: Invalid cache type. */
  INVALID_CACHE_TYPE("SFS.TURBO.0031", "Invalid cache type"),
  /** {@code SFS.TURBO.0032}: Not enough block storage. */
  BLOCK_STORAGE_EXHAUSTED("SFS.TURBO.0032", "Not enough block storage"),
  /** {@code SFS.TURBO.0033}: Failed to get client IPs. */
  CLIENT_IPS_UNAVAILABLE("SFS.TURBO.0033", "Failed to get client IPs"),
  /** {@code SFS.TURBO.0034}: Dedicated storage error. */
  DEDICATED_STORAGE_ERROR("SFS.TURBO.0034", "Dedicated storage error"),
  /** {@code SFS.TURBO.0035}: Invalid backup type. */
  INVALID_BACKUP_TYPE("SFS.TURBO.0035", "Invalid backup type"),
  /** {@code SFS.TURBO.0036}: Directory capacity error. */
  DIRECTORY_CAPACITY_ERROR("SFS.TURBO.0036", "Directory capacity error"),
  /** {@code SFS.TURBO.0037}: Operation conflict; the client should retry. */
  OPERATION_CONFLICT("SFS.TURBO.0037", "Operation conflict; the client should retry"),
  /** {@code SFS.TURBO.0038}: Unknown error. */
  UNKNOWN_ERROR("SFS.TURBO.0038", "Unknown error"),
  /** {@code SFS.TURBO.0039}: Virtual IP quota exceeded. */
  VIP_QUOTA_EXCEEDED("SFS.TURBO.0039", "Virtual IP quota exceeded"),
  /** {@code SFS.TURBO.0040}: Security group quota exceeded. */
  SECURITY_GROUP_QUOTA_EXCEEDED("SFS.TURBO.0040", "Security group quota exceeded"),
  /** {@code SFS.TURBO.0100}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0100("SFS.TURBO.0100", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0101}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0101("SFS.TURBO.0101", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0102}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0102("SFS.TURBO.0102", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0103}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0103("SFS.TURBO.0103", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0104}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0104("SFS.TURBO.0104", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0105}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0105("SFS.TURBO.0105", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0106}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0106("SFS.TURBO.0106", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0107}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0107("SFS.TURBO.0107", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0108}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0108("SFS.TURBO.0108", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0109}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0109("SFS.TURBO.0109", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0110}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0110("SFS.TURBO.0110", "Path or object-storage import/export error"),
  /** {@code SFS.TURBO.0111}: Path or object-storage import/export error. */
  PATH_OR_OBS_ERROR_0111("SFS.TURBO.0111", "Path or object-storage import/export error"),
  /** {@code APIGW.0301}: the API gateway rejected the signature or token (invalid or expired). */
  APIGW_INVALID_CREDENTIALS("APIGW.0301", "Invalid or expired signature or token");

  private static final Map<String, SfsTurboErrorCode> BY_CODE = new HashMap<>();

  static {
    for (SfsTurboErrorCode c : values()) {
      BY_CODE.put(c.code, c);
    }
  }

  private final String code;
  private final String meaning;

  SfsTurboErrorCode(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** Returns the code as the service writes it, for example {@code SFS.TURBO.0019}. */
  public String code() {
    return code;
  }

  /** Returns what the code means, in the service's documentation's words. */
  public String meaning() {
    return meaning;
  }

  /**
   * Looks a code up.
   *
   * @param code a code as the service wrote it, may be null
   * @return the catalogue entry, or null when the code is null or not in the catalogue
   */
  public static SfsTurboErrorCode fromCode(String code) {
    return code == null ? null : BY_CODE.get(code);
  }
}
