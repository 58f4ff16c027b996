import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../src/dataworks/resolve-endpoint.js';
import { UserInputError } from '../../src/errors.js';

describe('resolveEndpoint', () => {
  it('uses the region when no endpoint is given', () => {
    expect(resolveEndpoint(null, 'cn-hangzhou')).toEqual({ host: 'dataworks.cn-hangzhou.aliyuncs.com', protocol: 'https' });
    expect(resolveEndpoint('  ', 'ap-southeast-1')).toEqual({ host: 'dataworks.ap-southeast-1.aliyuncs.com', protocol: 'https' });
  });

  it('splits a URL into host and protocol', () => {
    expect(resolveEndpoint('http://127.0.0.1:8787', 'cn-hangzhou')).toEqual({ host: '127.0.0.1:8787', protocol: 'http' });
    expect(resolveEndpoint('https://dataworks.example.com/', 'x')).toEqual({ host: 'dataworks.example.com', protocol: 'https' });
    expect(resolveEndpoint('dataworks.vpc.example.com', 'x')).toEqual({ host: 'dataworks.vpc.example.com', protocol: 'https' });
  });

  it.each(['ftp://h', 'http://h/path', 'http://user:pw@h', 'http://', 'http://h?x=1'])('refuses %s', (endpoint) => {
    expect(() => resolveEndpoint(endpoint, 'cn-hangzhou')).toThrow(UserInputError);
  });

  it('refuses a region that cannot be a host name part', () => {
    expect(() => resolveEndpoint(null, 'cn hangzhou/evil')).toThrow(UserInputError);
  });
});
