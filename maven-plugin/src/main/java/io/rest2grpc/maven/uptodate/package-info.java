/**
 * Up-to-date checks: a goal fingerprints what it reads ({@link io.rest2grpc.maven.uptodate.Fingerprint}) and skips
 * its work when the fingerprint its last success recorded ({@link io.rest2grpc.maven.uptodate.Stamp}) still matches.
 */
package io.rest2grpc.maven.uptodate;
