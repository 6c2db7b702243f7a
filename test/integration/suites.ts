// Every extension-host test file, imported after mocha's globals exist.
import './activation.test';
import './credentials.test';
import './environments.test';
import './requests.test';
import './clientCertificate.test';
import './banks.test';
import './consents.test';
import './sca.test';
import './bounds.test';
import './requestFiles.test';
