/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../runtime.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const driftwatch = $root.driftwatch = (() => {

    /**
     * Namespace driftwatch.
     * @exports driftwatch
     * @namespace
     */
    const driftwatch = {};

    driftwatch.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof driftwatch
         * @namespace
         */
        const v1 = {};

        /**
         * EventKind enum.
         * @name driftwatch.v1.EventKind
         * @enum {number}
         * @property {number} EVENT_KIND_UNSPECIFIED=0 EVENT_KIND_UNSPECIFIED value
         * @property {number} EVENT_KIND_FILE_ADDED=1 EVENT_KIND_FILE_ADDED value
         * @property {number} EVENT_KIND_FILE_REMOVED=2 EVENT_KIND_FILE_REMOVED value
         * @property {number} EVENT_KIND_FILE_CHANGED=3 EVENT_KIND_FILE_CHANGED value
         * @property {number} EVENT_KIND_PACKAGE_ADDED=4 EVENT_KIND_PACKAGE_ADDED value
         * @property {number} EVENT_KIND_PACKAGE_REMOVED=5 EVENT_KIND_PACKAGE_REMOVED value
         * @property {number} EVENT_KIND_PACKAGE_CHANGED=6 EVENT_KIND_PACKAGE_CHANGED value
         * @property {number} EVENT_KIND_PACKAGE_FILE_MODIFIED=7 EVENT_KIND_PACKAGE_FILE_MODIFIED value
         * @property {number} EVENT_KIND_LOGIN=8 EVENT_KIND_LOGIN value
         * @property {number} EVENT_KIND_COVERAGE_GAP=9 EVENT_KIND_COVERAGE_GAP value
         * @property {number} EVENT_KIND_AGENT_STOPPED=10 EVENT_KIND_AGENT_STOPPED value
         */
        v1.EventKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "EVENT_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "EVENT_KIND_FILE_ADDED"] = 1;
            values[valuesById[2] = "EVENT_KIND_FILE_REMOVED"] = 2;
            values[valuesById[3] = "EVENT_KIND_FILE_CHANGED"] = 3;
            values[valuesById[4] = "EVENT_KIND_PACKAGE_ADDED"] = 4;
            values[valuesById[5] = "EVENT_KIND_PACKAGE_REMOVED"] = 5;
            values[valuesById[6] = "EVENT_KIND_PACKAGE_CHANGED"] = 6;
            values[valuesById[7] = "EVENT_KIND_PACKAGE_FILE_MODIFIED"] = 7;
            values[valuesById[8] = "EVENT_KIND_LOGIN"] = 8;
            values[valuesById[9] = "EVENT_KIND_COVERAGE_GAP"] = 9;
            values[valuesById[10] = "EVENT_KIND_AGENT_STOPPED"] = 10;
            return values;
        })();

        /**
         * Change enum.
         * @name driftwatch.v1.Change
         * @enum {number}
         * @property {number} CHANGE_UNSPECIFIED=0 CHANGE_UNSPECIFIED value
         * @property {number} CHANGE_CONTENT=1 CHANGE_CONTENT value
         * @property {number} CHANGE_MODE=2 CHANGE_MODE value
         * @property {number} CHANGE_UID=3 CHANGE_UID value
         * @property {number} CHANGE_GID=4 CHANGE_GID value
         * @property {number} CHANGE_TYPE=5 CHANGE_TYPE value
         * @property {number} CHANGE_TARGET=6 CHANGE_TARGET value
         * @property {number} CHANGE_CAPABILITIES=7 CHANGE_CAPABILITIES value
         */
        v1.Change = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CHANGE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CHANGE_CONTENT"] = 1;
            values[valuesById[2] = "CHANGE_MODE"] = 2;
            values[valuesById[3] = "CHANGE_UID"] = 3;
            values[valuesById[4] = "CHANGE_GID"] = 4;
            values[valuesById[5] = "CHANGE_TYPE"] = 5;
            values[valuesById[6] = "CHANGE_TARGET"] = 6;
            values[valuesById[7] = "CHANGE_CAPABILITIES"] = 7;
            return values;
        })();

        v1.Login = (function() {

            /**
             * Properties of a Login.
             * @typedef {Object} driftwatch.v1.Login.$Properties
             * @property {string|null} [user] Login user
             * @property {string|null} [tty] Login tty
             * @property {string|null} [origin] Login origin
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Login.
             * @memberof driftwatch.v1
             * @interface ILogin
             * @augments driftwatch.v1.Login.$Properties
             * @deprecated Use driftwatch.v1.Login.$Properties instead.
             */

            /**
             * Shape of a Login.
             * @typedef {driftwatch.v1.Login.$Properties} driftwatch.v1.Login.$Shape
             */

            /**
             * Constructs a new Login.
             * @memberof driftwatch.v1
             * @classdesc Represents a Login.
             * @constructor
             * @param {driftwatch.v1.Login.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Login = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Login user.
             * @member {string} user
             * @memberof driftwatch.v1.Login
             * @instance
             */
            Login.prototype.user = "";

            /**
             * Login tty.
             * @member {string} tty
             * @memberof driftwatch.v1.Login
             * @instance
             */
            Login.prototype.tty = "";

            /**
             * Login origin.
             * @member {string} origin
             * @memberof driftwatch.v1.Login
             * @instance
             */
            Login.prototype.origin = "";

            /**
             * Creates a new Login instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.Login
             * @static
             * @param {driftwatch.v1.Login.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.Login} Login instance
             * @type {{
             *   (properties: driftwatch.v1.Login.$Shape): driftwatch.v1.Login & driftwatch.v1.Login.$Shape;
             *   (properties?: driftwatch.v1.Login.$Properties): driftwatch.v1.Login;
             * }}
             */
            Login.create = function(properties) {
                return new Login(properties);
            };

            /**
             * Encodes the specified Login message. Does not implicitly {@link driftwatch.v1.Login.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.Login
             * @static
             * @param {driftwatch.v1.Login.$Properties} message Login message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Login.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.user);
                if (message.tty != null && $Object.hasOwnProperty.call(message, "tty") && message.tty !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.tty);
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin") && message.origin !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.origin);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Login message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.Login
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.Login & driftwatch.v1.Login.$Shape} Login
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Login.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.Login();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.user = value;
                            else
                                delete message.user;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tty = value;
                            else
                                delete message.tty;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.origin = value;
                            else
                                delete message.origin;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Login;
        })();

        v1.CapturedContent = (function() {

            /**
             * Properties of a CapturedContent.
             * @typedef {Object} driftwatch.v1.CapturedContent.$Properties
             * @property {Uint8Array|null} [sha256] CapturedContent sha256
             * @property {Uint8Array|null} [compressed] CapturedContent compressed
             * @property {number|null} [size] CapturedContent size
             * @property {boolean|null} [redacted] CapturedContent redacted
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CapturedContent.
             * @memberof driftwatch.v1
             * @interface ICapturedContent
             * @augments driftwatch.v1.CapturedContent.$Properties
             * @deprecated Use driftwatch.v1.CapturedContent.$Properties instead.
             */

            /**
             * Shape of a CapturedContent.
             * @typedef {driftwatch.v1.CapturedContent.$Properties} driftwatch.v1.CapturedContent.$Shape
             */

            /**
             * Constructs a new CapturedContent.
             * @memberof driftwatch.v1
             * @classdesc Represents a CapturedContent.
             * @constructor
             * @param {driftwatch.v1.CapturedContent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CapturedContent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CapturedContent sha256.
             * @member {Uint8Array} sha256
             * @memberof driftwatch.v1.CapturedContent
             * @instance
             */
            CapturedContent.prototype.sha256 = $util.newBuffer([]);

            /**
             * CapturedContent compressed.
             * @member {Uint8Array} compressed
             * @memberof driftwatch.v1.CapturedContent
             * @instance
             */
            CapturedContent.prototype.compressed = $util.newBuffer([]);

            /**
             * CapturedContent size.
             * @member {number} size
             * @memberof driftwatch.v1.CapturedContent
             * @instance
             */
            CapturedContent.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CapturedContent redacted.
             * @member {boolean} redacted
             * @memberof driftwatch.v1.CapturedContent
             * @instance
             */
            CapturedContent.prototype.redacted = false;

            /**
             * Creates a new CapturedContent instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.CapturedContent
             * @static
             * @param {driftwatch.v1.CapturedContent.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.CapturedContent} CapturedContent instance
             * @type {{
             *   (properties: driftwatch.v1.CapturedContent.$Shape): driftwatch.v1.CapturedContent & driftwatch.v1.CapturedContent.$Shape;
             *   (properties?: driftwatch.v1.CapturedContent.$Properties): driftwatch.v1.CapturedContent;
             * }}
             */
            CapturedContent.create = function(properties) {
                return new CapturedContent(properties);
            };

            /**
             * Encodes the specified CapturedContent message. Does not implicitly {@link driftwatch.v1.CapturedContent.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.CapturedContent
             * @static
             * @param {driftwatch.v1.CapturedContent.$Properties} message CapturedContent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CapturedContent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sha256);
                if (message.compressed != null && $Object.hasOwnProperty.call(message, "compressed") && message.compressed.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.compressed);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.size);
                if (message.redacted != null && $Object.hasOwnProperty.call(message, "redacted") && message.redacted !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.redacted);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CapturedContent message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.CapturedContent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.CapturedContent & driftwatch.v1.CapturedContent.$Shape} CapturedContent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CapturedContent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.CapturedContent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.sha256 = value;
                            else
                                delete message.sha256;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.compressed = value;
                            else
                                delete message.compressed;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.redacted = value;
                            else
                                delete message.redacted;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return CapturedContent;
        })();

        /**
         * CaptureSkip enum.
         * @name driftwatch.v1.CaptureSkip
         * @enum {number}
         * @property {number} CAPTURE_SKIP_UNSPECIFIED=0 CAPTURE_SKIP_UNSPECIFIED value
         * @property {number} CAPTURE_SKIP_NOT_MATCHED=1 CAPTURE_SKIP_NOT_MATCHED value
         * @property {number} CAPTURE_SKIP_DENYLISTED=2 CAPTURE_SKIP_DENYLISTED value
         * @property {number} CAPTURE_SKIP_TOO_LARGE=3 CAPTURE_SKIP_TOO_LARGE value
         * @property {number} CAPTURE_SKIP_BINARY=4 CAPTURE_SKIP_BINARY value
         * @property {number} CAPTURE_SKIP_UNREADABLE=5 CAPTURE_SKIP_UNREADABLE value
         * @property {number} CAPTURE_SKIP_BUDGET=6 CAPTURE_SKIP_BUDGET value
         */
        v1.CaptureSkip = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CAPTURE_SKIP_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CAPTURE_SKIP_NOT_MATCHED"] = 1;
            values[valuesById[2] = "CAPTURE_SKIP_DENYLISTED"] = 2;
            values[valuesById[3] = "CAPTURE_SKIP_TOO_LARGE"] = 3;
            values[valuesById[4] = "CAPTURE_SKIP_BINARY"] = 4;
            values[valuesById[5] = "CAPTURE_SKIP_UNREADABLE"] = 5;
            values[valuesById[6] = "CAPTURE_SKIP_BUDGET"] = 6;
            return values;
        })();

        v1.DriftEvent = (function() {

            /**
             * Properties of a DriftEvent.
             * @typedef {Object} driftwatch.v1.DriftEvent.$Properties
             * @property {number|null} [seq] DriftEvent seq
             * @property {driftwatch.v1.EventKind|null} [kind] DriftEvent kind
             * @property {Uint8Array|null} [path] DriftEvent path
             * @property {Array.<driftwatch.v1.Change>|null} [changes] DriftEvent changes
             * @property {driftwatch.v1.Package.$Properties|null} ["package"] DriftEvent package
             * @property {driftwatch.v1.Package.$Properties|null} [previous] DriftEvent previous
             * @property {driftwatch.v1.FileEntry.$Properties|null} [before] DriftEvent before
             * @property {driftwatch.v1.FileEntry.$Properties|null} [after] DriftEvent after
             * @property {driftwatch.v1.Login.$Properties|null} [login] DriftEvent login
             * @property {string|null} [detail] DriftEvent detail
             * @property {google.protobuf.Timestamp.$Properties|null} [observedAt] DriftEvent observedAt
             * @property {Uint8Array|null} [prevHash] DriftEvent prevHash
             * @property {Uint8Array|null} [hash] DriftEvent hash
             * @property {driftwatch.v1.CapturedContent.$Properties|null} [content] DriftEvent content
             * @property {driftwatch.v1.CaptureSkip|null} [captureSkip] DriftEvent captureSkip
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DriftEvent.
             * @memberof driftwatch.v1
             * @interface IDriftEvent
             * @augments driftwatch.v1.DriftEvent.$Properties
             * @deprecated Use driftwatch.v1.DriftEvent.$Properties instead.
             */

            /**
             * Shape of a DriftEvent.
             * @typedef {driftwatch.v1.DriftEvent.$Properties} driftwatch.v1.DriftEvent.$Shape
             */

            /**
             * Constructs a new DriftEvent.
             * @memberof driftwatch.v1
             * @classdesc Represents a DriftEvent.
             * @constructor
             * @param {driftwatch.v1.DriftEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DriftEvent = function (properties) {
                this.changes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DriftEvent seq.
             * @member {number} seq
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DriftEvent kind.
             * @member {driftwatch.v1.EventKind} kind
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.kind = 0;

            /**
             * DriftEvent path.
             * @member {Uint8Array} path
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.path = $util.newBuffer([]);

            /**
             * DriftEvent changes.
             * @member {Array.<driftwatch.v1.Change>} changes
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.changes = $util.emptyArray;

            /**
             * DriftEvent package.
             * @member {driftwatch.v1.Package.$Properties|null|undefined} package
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype["package"] = null;

            /**
             * DriftEvent previous.
             * @member {driftwatch.v1.Package.$Properties|null|undefined} previous
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.previous = null;

            /**
             * DriftEvent before.
             * @member {driftwatch.v1.FileEntry.$Properties|null|undefined} before
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.before = null;

            /**
             * DriftEvent after.
             * @member {driftwatch.v1.FileEntry.$Properties|null|undefined} after
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.after = null;

            /**
             * DriftEvent login.
             * @member {driftwatch.v1.Login.$Properties|null|undefined} login
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.login = null;

            /**
             * DriftEvent detail.
             * @member {string} detail
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.detail = "";

            /**
             * DriftEvent observedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} observedAt
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.observedAt = null;

            /**
             * DriftEvent prevHash.
             * @member {Uint8Array} prevHash
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.prevHash = $util.newBuffer([]);

            /**
             * DriftEvent hash.
             * @member {Uint8Array} hash
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.hash = $util.newBuffer([]);

            /**
             * DriftEvent content.
             * @member {driftwatch.v1.CapturedContent.$Properties|null|undefined} content
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.content = null;

            /**
             * DriftEvent captureSkip.
             * @member {driftwatch.v1.CaptureSkip} captureSkip
             * @memberof driftwatch.v1.DriftEvent
             * @instance
             */
            DriftEvent.prototype.captureSkip = 0;

            /**
             * Creates a new DriftEvent instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.DriftEvent
             * @static
             * @param {driftwatch.v1.DriftEvent.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.DriftEvent} DriftEvent instance
             * @type {{
             *   (properties: driftwatch.v1.DriftEvent.$Shape): driftwatch.v1.DriftEvent & driftwatch.v1.DriftEvent.$Shape;
             *   (properties?: driftwatch.v1.DriftEvent.$Properties): driftwatch.v1.DriftEvent;
             * }}
             */
            DriftEvent.create = function(properties) {
                return new DriftEvent(properties);
            };

            /**
             * Encodes the specified DriftEvent message. Does not implicitly {@link driftwatch.v1.DriftEvent.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.DriftEvent
             * @static
             * @param {driftwatch.v1.DriftEvent.$Properties} message DriftEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DriftEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.path);
                if (message.changes != null && message.changes.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).int32s(message.changes);
                if (message["package"] != null && $Object.hasOwnProperty.call(message, "package"))
                    $root.driftwatch.v1.Package.encode(message["package"], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.previous != null && $Object.hasOwnProperty.call(message, "previous"))
                    $root.driftwatch.v1.Package.encode(message.previous, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.before != null && $Object.hasOwnProperty.call(message, "before"))
                    $root.driftwatch.v1.FileEntry.encode(message.before, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.after != null && $Object.hasOwnProperty.call(message, "after"))
                    $root.driftwatch.v1.FileEntry.encode(message.after, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.login != null && $Object.hasOwnProperty.call(message, "login"))
                    $root.driftwatch.v1.Login.encode(message.login, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.detail);
                if (message.observedAt != null && $Object.hasOwnProperty.call(message, "observedAt"))
                    $root.google.protobuf.Timestamp.encode(message.observedAt, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash") && message.prevHash.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.prevHash);
                if (message.hash != null && $Object.hasOwnProperty.call(message, "hash") && message.hash.length)
                    writer.uint32(/* id 13, wireType 2 =*/106).bytes(message.hash);
                if (message.content != null && $Object.hasOwnProperty.call(message, "content"))
                    $root.driftwatch.v1.CapturedContent.encode(message.content, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.captureSkip != null && $Object.hasOwnProperty.call(message, "captureSkip") && message.captureSkip !== 0)
                    writer.uint32(/* id 15, wireType 0 =*/120).int32(message.captureSkip);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DriftEvent message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.DriftEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.DriftEvent & driftwatch.v1.DriftEvent.$Shape} DriftEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DriftEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.DriftEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.changes && message.changes.length))
                                    message.changes = [];
                                reader.int32s(message.changes);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.changes && message.changes.length))
                                message.changes = [];
                            message.changes.push(reader.int32());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message["package"] = $root.driftwatch.v1.Package.decode(reader, reader.size(), $undefined, _depth + 1, message["package"]);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.previous = $root.driftwatch.v1.Package.decode(reader, reader.size(), $undefined, _depth + 1, message.previous);
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.before = $root.driftwatch.v1.FileEntry.decode(reader, reader.size(), $undefined, _depth + 1, message.before);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.after = $root.driftwatch.v1.FileEntry.decode(reader, reader.size(), $undefined, _depth + 1, message.after);
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.login = $root.driftwatch.v1.Login.decode(reader, reader.size(), $undefined, _depth + 1, message.login);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.observedAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.observedAt);
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.prevHash = value;
                            else
                                delete message.prevHash;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.hash = value;
                            else
                                delete message.hash;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.content = $root.driftwatch.v1.CapturedContent.decode(reader, reader.size(), $undefined, _depth + 1, message.content);
                            continue;
                        }
                    case 15: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.captureSkip = value;
                            else
                                delete message.captureSkip;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return DriftEvent;
        })();

        v1.EventBatch = (function() {

            /**
             * Properties of an EventBatch.
             * @typedef {Object} driftwatch.v1.EventBatch.$Properties
             * @property {Array.<driftwatch.v1.DriftEvent.$Properties>|null} [events] EventBatch events
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EventBatch.
             * @memberof driftwatch.v1
             * @interface IEventBatch
             * @augments driftwatch.v1.EventBatch.$Properties
             * @deprecated Use driftwatch.v1.EventBatch.$Properties instead.
             */

            /**
             * Shape of an EventBatch.
             * @typedef {driftwatch.v1.EventBatch.$Properties} driftwatch.v1.EventBatch.$Shape
             */

            /**
             * Constructs a new EventBatch.
             * @memberof driftwatch.v1
             * @classdesc Represents an EventBatch.
             * @constructor
             * @param {driftwatch.v1.EventBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EventBatch = function (properties) {
                this.events = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EventBatch events.
             * @member {Array.<driftwatch.v1.DriftEvent.$Properties>} events
             * @memberof driftwatch.v1.EventBatch
             * @instance
             */
            EventBatch.prototype.events = $util.emptyArray;

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.EventBatch
             * @static
             * @param {driftwatch.v1.EventBatch.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.EventBatch} EventBatch instance
             * @type {{
             *   (properties: driftwatch.v1.EventBatch.$Shape): driftwatch.v1.EventBatch & driftwatch.v1.EventBatch.$Shape;
             *   (properties?: driftwatch.v1.EventBatch.$Properties): driftwatch.v1.EventBatch;
             * }}
             */
            EventBatch.create = function(properties) {
                return new EventBatch(properties);
            };

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link driftwatch.v1.EventBatch.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.EventBatch
             * @static
             * @param {driftwatch.v1.EventBatch.$Properties} message EventBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.driftwatch.v1.DriftEvent.encode(message.events[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.EventBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.EventBatch & driftwatch.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.EventBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.driftwatch.v1.DriftEvent.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return EventBatch;
        })();

        v1.HostFacts = (function() {

            /**
             * Properties of a HostFacts.
             * @typedef {Object} driftwatch.v1.HostFacts.$Properties
             * @property {string|null} [hostname] HostFacts hostname
             * @property {string|null} [machineId] HostFacts machineId
             * @property {string|null} [bootId] HostFacts bootId
             * @property {string|null} [instanceId] HostFacts instanceId
             * @property {string|null} [imageId] HostFacts imageId
             * @property {string|null} [os] HostFacts os
             * @property {string|null} [kernel] HostFacts kernel
             * @property {string|null} [arch] HostFacts arch
             * @property {Object.<string,string>|null} [labels] HostFacts labels
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HostFacts.
             * @memberof driftwatch.v1
             * @interface IHostFacts
             * @augments driftwatch.v1.HostFacts.$Properties
             * @deprecated Use driftwatch.v1.HostFacts.$Properties instead.
             */

            /**
             * Shape of a HostFacts.
             * @typedef {driftwatch.v1.HostFacts.$Properties} driftwatch.v1.HostFacts.$Shape
             */

            /**
             * Constructs a new HostFacts.
             * @memberof driftwatch.v1
             * @classdesc Represents a HostFacts.
             * @constructor
             * @param {driftwatch.v1.HostFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HostFacts = function (properties) {
                this.labels = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HostFacts hostname.
             * @member {string} hostname
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.hostname = "";

            /**
             * HostFacts machineId.
             * @member {string} machineId
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.machineId = "";

            /**
             * HostFacts bootId.
             * @member {string} bootId
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.bootId = "";

            /**
             * HostFacts instanceId.
             * @member {string} instanceId
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.instanceId = "";

            /**
             * HostFacts imageId.
             * @member {string} imageId
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.imageId = "";

            /**
             * HostFacts os.
             * @member {string} os
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.os = "";

            /**
             * HostFacts kernel.
             * @member {string} kernel
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.kernel = "";

            /**
             * HostFacts arch.
             * @member {string} arch
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.arch = "";

            /**
             * HostFacts labels.
             * @member {Object.<string,string>} labels
             * @memberof driftwatch.v1.HostFacts
             * @instance
             */
            HostFacts.prototype.labels = $util.emptyObject;

            /**
             * Creates a new HostFacts instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.HostFacts
             * @static
             * @param {driftwatch.v1.HostFacts.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.HostFacts} HostFacts instance
             * @type {{
             *   (properties: driftwatch.v1.HostFacts.$Shape): driftwatch.v1.HostFacts & driftwatch.v1.HostFacts.$Shape;
             *   (properties?: driftwatch.v1.HostFacts.$Properties): driftwatch.v1.HostFacts;
             * }}
             */
            HostFacts.create = function(properties) {
                return new HostFacts(properties);
            };

            /**
             * Encodes the specified HostFacts message. Does not implicitly {@link driftwatch.v1.HostFacts.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.HostFacts
             * @static
             * @param {driftwatch.v1.HostFacts.$Properties} message HostFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HostFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.hostname);
                if (message.machineId != null && $Object.hasOwnProperty.call(message, "machineId") && message.machineId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.machineId);
                if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.bootId);
                if (message.instanceId != null && $Object.hasOwnProperty.call(message, "instanceId") && message.instanceId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.instanceId);
                if (message.imageId != null && $Object.hasOwnProperty.call(message, "imageId") && message.imageId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.imageId);
                if (message.os != null && $Object.hasOwnProperty.call(message, "os") && message.os !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.os);
                if (message.kernel != null && $Object.hasOwnProperty.call(message, "kernel") && message.kernel !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.kernel);
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch") && message.arch !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.arch);
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels"))
                    for (let keys = $Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HostFacts message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.HostFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.HostFacts & driftwatch.v1.HostFacts.$Shape} HostFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HostFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.HostFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostname = value;
                            else
                                delete message.hostname;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.machineId = value;
                            else
                                delete message.machineId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bootId = value;
                            else
                                delete message.bootId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instanceId = value;
                            else
                                delete message.instanceId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.imageId = value;
                            else
                                delete message.imageId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.os = value;
                            else
                                delete message.os;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.kernel = value;
                            else
                                delete message.kernel;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.arch = value;
                            else
                                delete message.arch;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return HostFacts;
        })();

        /**
         * FileType enum.
         * @name driftwatch.v1.FileType
         * @enum {number}
         * @property {number} FILE_TYPE_UNSPECIFIED=0 FILE_TYPE_UNSPECIFIED value
         * @property {number} FILE_TYPE_FILE=1 FILE_TYPE_FILE value
         * @property {number} FILE_TYPE_DIR=2 FILE_TYPE_DIR value
         * @property {number} FILE_TYPE_SYMLINK=3 FILE_TYPE_SYMLINK value
         * @property {number} FILE_TYPE_FIFO=4 FILE_TYPE_FIFO value
         * @property {number} FILE_TYPE_SOCKET=5 FILE_TYPE_SOCKET value
         * @property {number} FILE_TYPE_CHAR_DEVICE=6 FILE_TYPE_CHAR_DEVICE value
         * @property {number} FILE_TYPE_BLOCK_DEVICE=7 FILE_TYPE_BLOCK_DEVICE value
         */
        v1.FileType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "FILE_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "FILE_TYPE_FILE"] = 1;
            values[valuesById[2] = "FILE_TYPE_DIR"] = 2;
            values[valuesById[3] = "FILE_TYPE_SYMLINK"] = 3;
            values[valuesById[4] = "FILE_TYPE_FIFO"] = 4;
            values[valuesById[5] = "FILE_TYPE_SOCKET"] = 5;
            values[valuesById[6] = "FILE_TYPE_CHAR_DEVICE"] = 6;
            values[valuesById[7] = "FILE_TYPE_BLOCK_DEVICE"] = 7;
            return values;
        })();

        v1.FileEntry = (function() {

            /**
             * Properties of a FileEntry.
             * @typedef {Object} driftwatch.v1.FileEntry.$Properties
             * @property {Uint8Array|null} [path] FileEntry path
             * @property {driftwatch.v1.FileType|null} [type] FileEntry type
             * @property {number|null} [mode] FileEntry mode
             * @property {number|null} [uid] FileEntry uid
             * @property {number|null} [gid] FileEntry gid
             * @property {number|null} [size] FileEntry size
             * @property {google.protobuf.Timestamp.$Properties|null} [mtime] FileEntry mtime
             * @property {google.protobuf.Timestamp.$Properties|null} [ctime] FileEntry ctime
             * @property {number|null} [inode] FileEntry inode
             * @property {Uint8Array|null} [sha256] FileEntry sha256
             * @property {Uint8Array|null} [target] FileEntry target
             * @property {Uint8Array|null} [capabilities] FileEntry capabilities
             * @property {string|null} [error] FileEntry error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileEntry.
             * @memberof driftwatch.v1
             * @interface IFileEntry
             * @augments driftwatch.v1.FileEntry.$Properties
             * @deprecated Use driftwatch.v1.FileEntry.$Properties instead.
             */

            /**
             * Shape of a FileEntry.
             * @typedef {driftwatch.v1.FileEntry.$Properties} driftwatch.v1.FileEntry.$Shape
             */

            /**
             * Constructs a new FileEntry.
             * @memberof driftwatch.v1
             * @classdesc Represents a FileEntry.
             * @constructor
             * @param {driftwatch.v1.FileEntry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileEntry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileEntry path.
             * @member {Uint8Array} path
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.path = $util.newBuffer([]);

            /**
             * FileEntry type.
             * @member {driftwatch.v1.FileType} type
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.type = 0;

            /**
             * FileEntry mode.
             * @member {number} mode
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.mode = 0;

            /**
             * FileEntry uid.
             * @member {number} uid
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.uid = 0;

            /**
             * FileEntry gid.
             * @member {number} gid
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.gid = 0;

            /**
             * FileEntry size.
             * @member {number} size
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileEntry mtime.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} mtime
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.mtime = null;

            /**
             * FileEntry ctime.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} ctime
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.ctime = null;

            /**
             * FileEntry inode.
             * @member {number} inode
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.inode = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileEntry sha256.
             * @member {Uint8Array} sha256
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.sha256 = $util.newBuffer([]);

            /**
             * FileEntry target.
             * @member {Uint8Array} target
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.target = $util.newBuffer([]);

            /**
             * FileEntry capabilities.
             * @member {Uint8Array} capabilities
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.capabilities = $util.newBuffer([]);

            /**
             * FileEntry error.
             * @member {string} error
             * @memberof driftwatch.v1.FileEntry
             * @instance
             */
            FileEntry.prototype.error = "";

            /**
             * Creates a new FileEntry instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.FileEntry
             * @static
             * @param {driftwatch.v1.FileEntry.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.FileEntry} FileEntry instance
             * @type {{
             *   (properties: driftwatch.v1.FileEntry.$Shape): driftwatch.v1.FileEntry & driftwatch.v1.FileEntry.$Shape;
             *   (properties?: driftwatch.v1.FileEntry.$Properties): driftwatch.v1.FileEntry;
             * }}
             */
            FileEntry.create = function(properties) {
                return new FileEntry(properties);
            };

            /**
             * Encodes the specified FileEntry message. Does not implicitly {@link driftwatch.v1.FileEntry.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.FileEntry
             * @static
             * @param {driftwatch.v1.FileEntry.$Properties} message FileEntry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.path);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.mode);
                if (message.uid != null && $Object.hasOwnProperty.call(message, "uid") && message.uid !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.uid);
                if (message.gid != null && $Object.hasOwnProperty.call(message, "gid") && message.gid !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.gid);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.size);
                if (message.mtime != null && $Object.hasOwnProperty.call(message, "mtime"))
                    $root.google.protobuf.Timestamp.encode(message.mtime, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.ctime != null && $Object.hasOwnProperty.call(message, "ctime"))
                    $root.google.protobuf.Timestamp.encode(message.ctime, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.inode != null && $Object.hasOwnProperty.call(message, "inode") && (typeof message.inode === "object" ? message.inode.low || message.inode.high : message.inode !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.inode);
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                    writer.uint32(/* id 10, wireType 2 =*/82).bytes(message.sha256);
                if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target.length)
                    writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.target);
                if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities") && message.capabilities.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.capabilities);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== "")
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.error);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileEntry message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.FileEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.FileEntry & driftwatch.v1.FileEntry.$Shape} FileEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileEntry.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.FileEntry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.uid = value;
                            else
                                delete message.uid;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.gid = value;
                            else
                                delete message.gid;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.mtime = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.mtime);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.ctime = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.ctime);
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.inode = value;
                            else
                                delete message.inode;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.sha256 = value;
                            else
                                delete message.sha256;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.target = value;
                            else
                                delete message.target;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.capabilities = value;
                            else
                                delete message.capabilities;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.error = value;
                            else
                                delete message.error;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return FileEntry;
        })();

        v1.Package = (function() {

            /**
             * Properties of a Package.
             * @typedef {Object} driftwatch.v1.Package.$Properties
             * @property {string|null} [manager] Package manager
             * @property {string|null} [name] Package name
             * @property {string|null} [version] Package version
             * @property {string|null} [arch] Package arch
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Package.
             * @memberof driftwatch.v1
             * @interface IPackage
             * @augments driftwatch.v1.Package.$Properties
             * @deprecated Use driftwatch.v1.Package.$Properties instead.
             */

            /**
             * Shape of a Package.
             * @typedef {driftwatch.v1.Package.$Properties} driftwatch.v1.Package.$Shape
             */

            /**
             * Constructs a new Package.
             * @memberof driftwatch.v1
             * @classdesc Represents a Package.
             * @constructor
             * @param {driftwatch.v1.Package.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Package = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Package manager.
             * @member {string} manager
             * @memberof driftwatch.v1.Package
             * @instance
             */
            Package.prototype.manager = "";

            /**
             * Package name.
             * @member {string} name
             * @memberof driftwatch.v1.Package
             * @instance
             */
            Package.prototype.name = "";

            /**
             * Package version.
             * @member {string} version
             * @memberof driftwatch.v1.Package
             * @instance
             */
            Package.prototype.version = "";

            /**
             * Package arch.
             * @member {string} arch
             * @memberof driftwatch.v1.Package
             * @instance
             */
            Package.prototype.arch = "";

            /**
             * Creates a new Package instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.Package
             * @static
             * @param {driftwatch.v1.Package.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.Package} Package instance
             * @type {{
             *   (properties: driftwatch.v1.Package.$Shape): driftwatch.v1.Package & driftwatch.v1.Package.$Shape;
             *   (properties?: driftwatch.v1.Package.$Properties): driftwatch.v1.Package;
             * }}
             */
            Package.create = function(properties) {
                return new Package(properties);
            };

            /**
             * Encodes the specified Package message. Does not implicitly {@link driftwatch.v1.Package.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.Package
             * @static
             * @param {driftwatch.v1.Package.$Properties} message Package message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Package.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.manager != null && $Object.hasOwnProperty.call(message, "manager") && message.manager !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.manager);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.version);
                if (message.arch != null && $Object.hasOwnProperty.call(message, "arch") && message.arch !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.arch);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Package message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.Package
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.Package & driftwatch.v1.Package.$Shape} Package
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Package.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.Package();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.manager = value;
                            else
                                delete message.manager;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.arch = value;
                            else
                                delete message.arch;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Package;
        })();

        v1.PackageFileMismatch = (function() {

            /**
             * Properties of a PackageFileMismatch.
             * @typedef {Object} driftwatch.v1.PackageFileMismatch.$Properties
             * @property {Uint8Array|null} [path] PackageFileMismatch path
             * @property {driftwatch.v1.Package.$Properties|null} ["package"] PackageFileMismatch package
             * @property {string|null} [algorithm] PackageFileMismatch algorithm
             * @property {string|null} [expected] PackageFileMismatch expected
             * @property {string|null} [actual] PackageFileMismatch actual
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PackageFileMismatch.
             * @memberof driftwatch.v1
             * @interface IPackageFileMismatch
             * @augments driftwatch.v1.PackageFileMismatch.$Properties
             * @deprecated Use driftwatch.v1.PackageFileMismatch.$Properties instead.
             */

            /**
             * Shape of a PackageFileMismatch.
             * @typedef {driftwatch.v1.PackageFileMismatch.$Properties} driftwatch.v1.PackageFileMismatch.$Shape
             */

            /**
             * Constructs a new PackageFileMismatch.
             * @memberof driftwatch.v1
             * @classdesc Represents a PackageFileMismatch.
             * @constructor
             * @param {driftwatch.v1.PackageFileMismatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PackageFileMismatch = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PackageFileMismatch path.
             * @member {Uint8Array} path
             * @memberof driftwatch.v1.PackageFileMismatch
             * @instance
             */
            PackageFileMismatch.prototype.path = $util.newBuffer([]);

            /**
             * PackageFileMismatch package.
             * @member {driftwatch.v1.Package.$Properties|null|undefined} package
             * @memberof driftwatch.v1.PackageFileMismatch
             * @instance
             */
            PackageFileMismatch.prototype["package"] = null;

            /**
             * PackageFileMismatch algorithm.
             * @member {string} algorithm
             * @memberof driftwatch.v1.PackageFileMismatch
             * @instance
             */
            PackageFileMismatch.prototype.algorithm = "";

            /**
             * PackageFileMismatch expected.
             * @member {string} expected
             * @memberof driftwatch.v1.PackageFileMismatch
             * @instance
             */
            PackageFileMismatch.prototype.expected = "";

            /**
             * PackageFileMismatch actual.
             * @member {string} actual
             * @memberof driftwatch.v1.PackageFileMismatch
             * @instance
             */
            PackageFileMismatch.prototype.actual = "";

            /**
             * Creates a new PackageFileMismatch instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.PackageFileMismatch
             * @static
             * @param {driftwatch.v1.PackageFileMismatch.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.PackageFileMismatch} PackageFileMismatch instance
             * @type {{
             *   (properties: driftwatch.v1.PackageFileMismatch.$Shape): driftwatch.v1.PackageFileMismatch & driftwatch.v1.PackageFileMismatch.$Shape;
             *   (properties?: driftwatch.v1.PackageFileMismatch.$Properties): driftwatch.v1.PackageFileMismatch;
             * }}
             */
            PackageFileMismatch.create = function(properties) {
                return new PackageFileMismatch(properties);
            };

            /**
             * Encodes the specified PackageFileMismatch message. Does not implicitly {@link driftwatch.v1.PackageFileMismatch.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.PackageFileMismatch
             * @static
             * @param {driftwatch.v1.PackageFileMismatch.$Properties} message PackageFileMismatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PackageFileMismatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.path);
                if (message["package"] != null && $Object.hasOwnProperty.call(message, "package"))
                    $root.driftwatch.v1.Package.encode(message["package"], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.algorithm != null && $Object.hasOwnProperty.call(message, "algorithm") && message.algorithm !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.algorithm);
                if (message.expected != null && $Object.hasOwnProperty.call(message, "expected") && message.expected !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.expected);
                if (message.actual != null && $Object.hasOwnProperty.call(message, "actual") && message.actual !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.actual);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PackageFileMismatch message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.PackageFileMismatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.PackageFileMismatch & driftwatch.v1.PackageFileMismatch.$Shape} PackageFileMismatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PackageFileMismatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.PackageFileMismatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message["package"] = $root.driftwatch.v1.Package.decode(reader, reader.size(), $undefined, _depth + 1, message["package"]);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.algorithm = value;
                            else
                                delete message.algorithm;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.expected = value;
                            else
                                delete message.expected;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.actual = value;
                            else
                                delete message.actual;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return PackageFileMismatch;
        })();

        v1.Manifest = (function() {

            /**
             * Properties of a Manifest.
             * @typedef {Object} driftwatch.v1.Manifest.$Properties
             * @property {number|null} [formatVersion] Manifest formatVersion
             * @property {google.protobuf.Timestamp.$Properties|null} [createdAt] Manifest createdAt
             * @property {driftwatch.v1.HostFacts.$Properties|null} [host] Manifest host
             * @property {Array.<Uint8Array>|null} [scannedPaths] Manifest scannedPaths
             * @property {Array.<driftwatch.v1.FileEntry.$Properties>|null} [files] Manifest files
             * @property {Array.<driftwatch.v1.Package.$Properties>|null} [packages] Manifest packages
             * @property {Array.<driftwatch.v1.PackageFileMismatch.$Properties>|null} [packageMismatches] Manifest packageMismatches
             * @property {Uint8Array|null} [merkleRoot] Manifest merkleRoot
             * @property {Array.<string>|null} [ignored] Manifest ignored
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Manifest.
             * @memberof driftwatch.v1
             * @interface IManifest
             * @augments driftwatch.v1.Manifest.$Properties
             * @deprecated Use driftwatch.v1.Manifest.$Properties instead.
             */

            /**
             * Shape of a Manifest.
             * @typedef {driftwatch.v1.Manifest.$Properties} driftwatch.v1.Manifest.$Shape
             */

            /**
             * Constructs a new Manifest.
             * @memberof driftwatch.v1
             * @classdesc Represents a Manifest.
             * @constructor
             * @param {driftwatch.v1.Manifest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Manifest = function (properties) {
                this.scannedPaths = [];
                this.files = [];
                this.packages = [];
                this.packageMismatches = [];
                this.ignored = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Manifest formatVersion.
             * @member {number} formatVersion
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.formatVersion = 0;

            /**
             * Manifest createdAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} createdAt
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.createdAt = null;

            /**
             * Manifest host.
             * @member {driftwatch.v1.HostFacts.$Properties|null|undefined} host
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.host = null;

            /**
             * Manifest scannedPaths.
             * @member {Array.<Uint8Array>} scannedPaths
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.scannedPaths = $util.emptyArray;

            /**
             * Manifest files.
             * @member {Array.<driftwatch.v1.FileEntry.$Properties>} files
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.files = $util.emptyArray;

            /**
             * Manifest packages.
             * @member {Array.<driftwatch.v1.Package.$Properties>} packages
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.packages = $util.emptyArray;

            /**
             * Manifest packageMismatches.
             * @member {Array.<driftwatch.v1.PackageFileMismatch.$Properties>} packageMismatches
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.packageMismatches = $util.emptyArray;

            /**
             * Manifest merkleRoot.
             * @member {Uint8Array} merkleRoot
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.merkleRoot = $util.newBuffer([]);

            /**
             * Manifest ignored.
             * @member {Array.<string>} ignored
             * @memberof driftwatch.v1.Manifest
             * @instance
             */
            Manifest.prototype.ignored = $util.emptyArray;

            /**
             * Creates a new Manifest instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.Manifest
             * @static
             * @param {driftwatch.v1.Manifest.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.Manifest} Manifest instance
             * @type {{
             *   (properties: driftwatch.v1.Manifest.$Shape): driftwatch.v1.Manifest & driftwatch.v1.Manifest.$Shape;
             *   (properties?: driftwatch.v1.Manifest.$Properties): driftwatch.v1.Manifest;
             * }}
             */
            Manifest.create = function(properties) {
                return new Manifest(properties);
            };

            /**
             * Encodes the specified Manifest message. Does not implicitly {@link driftwatch.v1.Manifest.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.Manifest
             * @static
             * @param {driftwatch.v1.Manifest.$Properties} message Manifest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Manifest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion") && message.formatVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.formatVersion);
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                    $root.google.protobuf.Timestamp.encode(message.createdAt, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                    $root.driftwatch.v1.HostFacts.encode(message.host, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.scannedPaths != null && message.scannedPaths.length)
                    for (let i = 0; i < message.scannedPaths.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.scannedPaths[i]);
                if (message.files != null && message.files.length)
                    for (let i = 0; i < message.files.length; ++i)
                        $root.driftwatch.v1.FileEntry.encode(message.files[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.packages != null && message.packages.length)
                    for (let i = 0; i < message.packages.length; ++i)
                        $root.driftwatch.v1.Package.encode(message.packages[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.packageMismatches != null && message.packageMismatches.length)
                    for (let i = 0; i < message.packageMismatches.length; ++i)
                        $root.driftwatch.v1.PackageFileMismatch.encode(message.packageMismatches[i], writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.merkleRoot != null && $Object.hasOwnProperty.call(message, "merkleRoot") && message.merkleRoot.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.merkleRoot);
                if (message.ignored != null && message.ignored.length)
                    for (let i = 0; i < message.ignored.length; ++i)
                        writer.uint32(/* id 9, wireType 2 =*/74).string(message.ignored[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Manifest message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.Manifest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.Manifest & driftwatch.v1.Manifest.$Shape} Manifest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Manifest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.Manifest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.formatVersion = value;
                            else
                                delete message.formatVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.createdAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.createdAt);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.host = $root.driftwatch.v1.HostFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.host);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.scannedPaths && message.scannedPaths.length))
                                message.scannedPaths = [];
                            message.scannedPaths.push(reader.bytes());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.files && message.files.length))
                                message.files = [];
                            message.files.push($root.driftwatch.v1.FileEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.packages && message.packages.length))
                                message.packages = [];
                            message.packages.push($root.driftwatch.v1.Package.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.packageMismatches && message.packageMismatches.length))
                                message.packageMismatches = [];
                            message.packageMismatches.push($root.driftwatch.v1.PackageFileMismatch.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.merkleRoot = value;
                            else
                                delete message.merkleRoot;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if (!(message.ignored && message.ignored.length))
                                message.ignored = [];
                            message.ignored.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Manifest;
        })();

        v1.EnrollRequest = (function() {

            /**
             * Properties of an EnrollRequest.
             * @typedef {Object} driftwatch.v1.EnrollRequest.$Properties
             * @property {string|null} [enrollToken] EnrollRequest enrollToken
             * @property {driftwatch.v1.HostFacts.$Properties|null} [host] EnrollRequest host
             * @property {Uint8Array|null} [publicKey] EnrollRequest publicKey
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnrollRequest.
             * @memberof driftwatch.v1
             * @interface IEnrollRequest
             * @augments driftwatch.v1.EnrollRequest.$Properties
             * @deprecated Use driftwatch.v1.EnrollRequest.$Properties instead.
             */

            /**
             * Shape of an EnrollRequest.
             * @typedef {driftwatch.v1.EnrollRequest.$Properties} driftwatch.v1.EnrollRequest.$Shape
             */

            /**
             * Constructs a new EnrollRequest.
             * @memberof driftwatch.v1
             * @classdesc Represents an EnrollRequest.
             * @constructor
             * @param {driftwatch.v1.EnrollRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnrollRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnrollRequest enrollToken.
             * @member {string} enrollToken
             * @memberof driftwatch.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.enrollToken = "";

            /**
             * EnrollRequest host.
             * @member {driftwatch.v1.HostFacts.$Properties|null|undefined} host
             * @memberof driftwatch.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.host = null;

            /**
             * EnrollRequest publicKey.
             * @member {Uint8Array} publicKey
             * @memberof driftwatch.v1.EnrollRequest
             * @instance
             */
            EnrollRequest.prototype.publicKey = $util.newBuffer([]);

            /**
             * Creates a new EnrollRequest instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.EnrollRequest
             * @static
             * @param {driftwatch.v1.EnrollRequest.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.EnrollRequest} EnrollRequest instance
             * @type {{
             *   (properties: driftwatch.v1.EnrollRequest.$Shape): driftwatch.v1.EnrollRequest & driftwatch.v1.EnrollRequest.$Shape;
             *   (properties?: driftwatch.v1.EnrollRequest.$Properties): driftwatch.v1.EnrollRequest;
             * }}
             */
            EnrollRequest.create = function(properties) {
                return new EnrollRequest(properties);
            };

            /**
             * Encodes the specified EnrollRequest message. Does not implicitly {@link driftwatch.v1.EnrollRequest.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.EnrollRequest
             * @static
             * @param {driftwatch.v1.EnrollRequest.$Properties} message EnrollRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrollRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enrollToken != null && $Object.hasOwnProperty.call(message, "enrollToken") && message.enrollToken !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.enrollToken);
                if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                    $root.driftwatch.v1.HostFacts.encode(message.host, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.publicKey);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EnrollRequest message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.EnrollRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.EnrollRequest & driftwatch.v1.EnrollRequest.$Shape} EnrollRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrollRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.EnrollRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.enrollToken = value;
                            else
                                delete message.enrollToken;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.host = $root.driftwatch.v1.HostFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.host);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.publicKey = value;
                            else
                                delete message.publicKey;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return EnrollRequest;
        })();

        v1.EnrollResponse = (function() {

            /**
             * Properties of an EnrollResponse.
             * @typedef {Object} driftwatch.v1.EnrollResponse.$Properties
             * @property {string|null} [hostId] EnrollResponse hostId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnrollResponse.
             * @memberof driftwatch.v1
             * @interface IEnrollResponse
             * @augments driftwatch.v1.EnrollResponse.$Properties
             * @deprecated Use driftwatch.v1.EnrollResponse.$Properties instead.
             */

            /**
             * Shape of an EnrollResponse.
             * @typedef {driftwatch.v1.EnrollResponse.$Properties} driftwatch.v1.EnrollResponse.$Shape
             */

            /**
             * Constructs a new EnrollResponse.
             * @memberof driftwatch.v1
             * @classdesc Represents an EnrollResponse.
             * @constructor
             * @param {driftwatch.v1.EnrollResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnrollResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnrollResponse hostId.
             * @member {string} hostId
             * @memberof driftwatch.v1.EnrollResponse
             * @instance
             */
            EnrollResponse.prototype.hostId = "";

            /**
             * Creates a new EnrollResponse instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.EnrollResponse
             * @static
             * @param {driftwatch.v1.EnrollResponse.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.EnrollResponse} EnrollResponse instance
             * @type {{
             *   (properties: driftwatch.v1.EnrollResponse.$Shape): driftwatch.v1.EnrollResponse & driftwatch.v1.EnrollResponse.$Shape;
             *   (properties?: driftwatch.v1.EnrollResponse.$Properties): driftwatch.v1.EnrollResponse;
             * }}
             */
            EnrollResponse.create = function(properties) {
                return new EnrollResponse(properties);
            };

            /**
             * Encodes the specified EnrollResponse message. Does not implicitly {@link driftwatch.v1.EnrollResponse.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.EnrollResponse
             * @static
             * @param {driftwatch.v1.EnrollResponse.$Properties} message EnrollResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrollResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hostId != null && $Object.hasOwnProperty.call(message, "hostId") && message.hostId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.hostId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EnrollResponse message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.EnrollResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.EnrollResponse & driftwatch.v1.EnrollResponse.$Shape} EnrollResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrollResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.EnrollResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostId = value;
                            else
                                delete message.hostId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return EnrollResponse;
        })();

        v1.BaselineUpload = (function() {

            /**
             * Properties of a BaselineUpload.
             * @typedef {Object} driftwatch.v1.BaselineUpload.$Properties
             * @property {driftwatch.v1.Manifest.$Properties|null} [manifest] BaselineUpload manifest
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BaselineUpload.
             * @memberof driftwatch.v1
             * @interface IBaselineUpload
             * @augments driftwatch.v1.BaselineUpload.$Properties
             * @deprecated Use driftwatch.v1.BaselineUpload.$Properties instead.
             */

            /**
             * Shape of a BaselineUpload.
             * @typedef {driftwatch.v1.BaselineUpload.$Properties} driftwatch.v1.BaselineUpload.$Shape
             */

            /**
             * Constructs a new BaselineUpload.
             * @memberof driftwatch.v1
             * @classdesc Represents a BaselineUpload.
             * @constructor
             * @param {driftwatch.v1.BaselineUpload.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BaselineUpload = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BaselineUpload manifest.
             * @member {driftwatch.v1.Manifest.$Properties|null|undefined} manifest
             * @memberof driftwatch.v1.BaselineUpload
             * @instance
             */
            BaselineUpload.prototype.manifest = null;

            /**
             * Creates a new BaselineUpload instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.BaselineUpload
             * @static
             * @param {driftwatch.v1.BaselineUpload.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.BaselineUpload} BaselineUpload instance
             * @type {{
             *   (properties: driftwatch.v1.BaselineUpload.$Shape): driftwatch.v1.BaselineUpload & driftwatch.v1.BaselineUpload.$Shape;
             *   (properties?: driftwatch.v1.BaselineUpload.$Properties): driftwatch.v1.BaselineUpload;
             * }}
             */
            BaselineUpload.create = function(properties) {
                return new BaselineUpload(properties);
            };

            /**
             * Encodes the specified BaselineUpload message. Does not implicitly {@link driftwatch.v1.BaselineUpload.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.BaselineUpload
             * @static
             * @param {driftwatch.v1.BaselineUpload.$Properties} message BaselineUpload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BaselineUpload.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                    $root.driftwatch.v1.Manifest.encode(message.manifest, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BaselineUpload message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.BaselineUpload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.BaselineUpload & driftwatch.v1.BaselineUpload.$Shape} BaselineUpload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BaselineUpload.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.BaselineUpload();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.manifest = $root.driftwatch.v1.Manifest.decode(reader, reader.size(), $undefined, _depth + 1, message.manifest);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return BaselineUpload;
        })();

        v1.ContentUpload = (function() {

            /**
             * Properties of a ContentUpload.
             * @typedef {Object} driftwatch.v1.ContentUpload.$Properties
             * @property {Array.<driftwatch.v1.CapturedContent.$Properties>|null} [contents] ContentUpload contents
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ContentUpload.
             * @memberof driftwatch.v1
             * @interface IContentUpload
             * @augments driftwatch.v1.ContentUpload.$Properties
             * @deprecated Use driftwatch.v1.ContentUpload.$Properties instead.
             */

            /**
             * Shape of a ContentUpload.
             * @typedef {driftwatch.v1.ContentUpload.$Properties} driftwatch.v1.ContentUpload.$Shape
             */

            /**
             * Constructs a new ContentUpload.
             * @memberof driftwatch.v1
             * @classdesc Represents a ContentUpload.
             * @constructor
             * @param {driftwatch.v1.ContentUpload.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ContentUpload = function (properties) {
                this.contents = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ContentUpload contents.
             * @member {Array.<driftwatch.v1.CapturedContent.$Properties>} contents
             * @memberof driftwatch.v1.ContentUpload
             * @instance
             */
            ContentUpload.prototype.contents = $util.emptyArray;

            /**
             * Creates a new ContentUpload instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.ContentUpload
             * @static
             * @param {driftwatch.v1.ContentUpload.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.ContentUpload} ContentUpload instance
             * @type {{
             *   (properties: driftwatch.v1.ContentUpload.$Shape): driftwatch.v1.ContentUpload & driftwatch.v1.ContentUpload.$Shape;
             *   (properties?: driftwatch.v1.ContentUpload.$Properties): driftwatch.v1.ContentUpload;
             * }}
             */
            ContentUpload.create = function(properties) {
                return new ContentUpload(properties);
            };

            /**
             * Encodes the specified ContentUpload message. Does not implicitly {@link driftwatch.v1.ContentUpload.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.ContentUpload
             * @static
             * @param {driftwatch.v1.ContentUpload.$Properties} message ContentUpload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ContentUpload.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.contents != null && message.contents.length)
                    for (let i = 0; i < message.contents.length; ++i)
                        $root.driftwatch.v1.CapturedContent.encode(message.contents[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ContentUpload message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.ContentUpload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.ContentUpload & driftwatch.v1.ContentUpload.$Shape} ContentUpload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ContentUpload.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.ContentUpload();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.contents && message.contents.length))
                                message.contents = [];
                            message.contents.push($root.driftwatch.v1.CapturedContent.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ContentUpload;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} driftwatch.v1.Heartbeat.$Properties
             * @property {google.protobuf.Timestamp.$Properties|null} [sentAt] Heartbeat sentAt
             * @property {Uint8Array|null} [merkleRoot] Heartbeat merkleRoot
             * @property {number|null} [lastSeq] Heartbeat lastSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof driftwatch.v1
             * @interface IHeartbeat
             * @augments driftwatch.v1.Heartbeat.$Properties
             * @deprecated Use driftwatch.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {driftwatch.v1.Heartbeat.$Properties} driftwatch.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof driftwatch.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {driftwatch.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat sentAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} sentAt
             * @memberof driftwatch.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sentAt = null;

            /**
             * Heartbeat merkleRoot.
             * @member {Uint8Array} merkleRoot
             * @memberof driftwatch.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.merkleRoot = $util.newBuffer([]);

            /**
             * Heartbeat lastSeq.
             * @member {number} lastSeq
             * @memberof driftwatch.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.lastSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.Heartbeat
             * @static
             * @param {driftwatch.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: driftwatch.v1.Heartbeat.$Shape): driftwatch.v1.Heartbeat & driftwatch.v1.Heartbeat.$Shape;
             *   (properties?: driftwatch.v1.Heartbeat.$Properties): driftwatch.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link driftwatch.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.Heartbeat
             * @static
             * @param {driftwatch.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sentAt != null && $Object.hasOwnProperty.call(message, "sentAt"))
                    $root.google.protobuf.Timestamp.encode(message.sentAt, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.merkleRoot != null && $Object.hasOwnProperty.call(message, "merkleRoot") && message.merkleRoot.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.merkleRoot);
                if (message.lastSeq != null && $Object.hasOwnProperty.call(message, "lastSeq") && (typeof message.lastSeq === "object" ? message.lastSeq.low || message.lastSeq.high : message.lastSeq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.lastSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.Heartbeat & driftwatch.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.sentAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.sentAt);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.merkleRoot = value;
                            else
                                delete message.merkleRoot;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastSeq = value;
                            else
                                delete message.lastSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Heartbeat;
        })();

        v1.Directive = (function() {

            /**
             * Properties of a Directive.
             * @typedef {Object} driftwatch.v1.Directive.$Properties
             * @property {driftwatch.v1.Directive.Kind|null} [kind] Directive kind
             * @property {string|null} [reason] Directive reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Directive.
             * @memberof driftwatch.v1
             * @interface IDirective
             * @augments driftwatch.v1.Directive.$Properties
             * @deprecated Use driftwatch.v1.Directive.$Properties instead.
             */

            /**
             * Shape of a Directive.
             * @typedef {driftwatch.v1.Directive.$Properties} driftwatch.v1.Directive.$Shape
             */

            /**
             * Constructs a new Directive.
             * @memberof driftwatch.v1
             * @classdesc Represents a Directive.
             * @constructor
             * @param {driftwatch.v1.Directive.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Directive = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Directive kind.
             * @member {driftwatch.v1.Directive.Kind} kind
             * @memberof driftwatch.v1.Directive
             * @instance
             */
            Directive.prototype.kind = 0;

            /**
             * Directive reason.
             * @member {string} reason
             * @memberof driftwatch.v1.Directive
             * @instance
             */
            Directive.prototype.reason = "";

            /**
             * Creates a new Directive instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.Directive
             * @static
             * @param {driftwatch.v1.Directive.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.Directive} Directive instance
             * @type {{
             *   (properties: driftwatch.v1.Directive.$Shape): driftwatch.v1.Directive & driftwatch.v1.Directive.$Shape;
             *   (properties?: driftwatch.v1.Directive.$Properties): driftwatch.v1.Directive;
             * }}
             */
            Directive.create = function(properties) {
                return new Directive(properties);
            };

            /**
             * Encodes the specified Directive message. Does not implicitly {@link driftwatch.v1.Directive.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.Directive
             * @static
             * @param {driftwatch.v1.Directive.$Properties} message Directive message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Directive.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Directive message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.Directive
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.Directive & driftwatch.v1.Directive.$Shape} Directive
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Directive.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.Directive();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Kind enum.
             * @name driftwatch.v1.Directive.Kind
             * @enum {number}
             * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
             * @property {number} KIND_RESCAN=1 KIND_RESCAN value
             * @property {number} KIND_SHUTDOWN=2 KIND_SHUTDOWN value
             */
            Directive.Kind = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "KIND_RESCAN"] = 1;
                values[valuesById[2] = "KIND_SHUTDOWN"] = 2;
                return values;
            })();

            return Directive;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} driftwatch.v1.Ack.$Properties
             * @property {number|null} [ackedSeq] Ack ackedSeq
             * @property {Array.<driftwatch.v1.Directive.$Properties>|null} [directives] Ack directives
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof driftwatch.v1
             * @interface IAck
             * @augments driftwatch.v1.Ack.$Properties
             * @deprecated Use driftwatch.v1.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {driftwatch.v1.Ack.$Properties} driftwatch.v1.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof driftwatch.v1
             * @classdesc Represents an Ack.
             * @constructor
             * @param {driftwatch.v1.Ack.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (properties) {
                this.directives = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ack ackedSeq.
             * @member {number} ackedSeq
             * @memberof driftwatch.v1.Ack
             * @instance
             */
            Ack.prototype.ackedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Ack directives.
             * @member {Array.<driftwatch.v1.Directive.$Properties>} directives
             * @memberof driftwatch.v1.Ack
             * @instance
             */
            Ack.prototype.directives = $util.emptyArray;

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.Ack
             * @static
             * @param {driftwatch.v1.Ack.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.Ack} Ack instance
             * @type {{
             *   (properties: driftwatch.v1.Ack.$Shape): driftwatch.v1.Ack & driftwatch.v1.Ack.$Shape;
             *   (properties?: driftwatch.v1.Ack.$Properties): driftwatch.v1.Ack;
             * }}
             */
            Ack.create = function(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link driftwatch.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.Ack
             * @static
             * @param {driftwatch.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ackedSeq != null && $Object.hasOwnProperty.call(message, "ackedSeq") && (typeof message.ackedSeq === "object" ? message.ackedSeq.low || message.ackedSeq.high : message.ackedSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.ackedSeq);
                if (message.directives != null && message.directives.length)
                    for (let i = 0; i < message.directives.length; ++i)
                        $root.driftwatch.v1.Directive.encode(message.directives[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.Ack & driftwatch.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.Ack();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.ackedSeq = value;
                            else
                                delete message.ackedSeq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.directives && message.directives.length))
                                message.directives = [];
                            message.directives.push($root.driftwatch.v1.Directive.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Ack;
        })();

        v1.AgentState = (function() {

            /**
             * Properties of an AgentState.
             * @typedef {Object} driftwatch.v1.AgentState.$Properties
             * @property {Uint8Array|null} [baselineRoot] AgentState baselineRoot
             * @property {number|null} [ackedSeq] AgentState ackedSeq
             * @property {Uint8Array|null} [lastEventHash] AgentState lastEventHash
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentState.
             * @memberof driftwatch.v1
             * @interface IAgentState
             * @augments driftwatch.v1.AgentState.$Properties
             * @deprecated Use driftwatch.v1.AgentState.$Properties instead.
             */

            /**
             * Shape of an AgentState.
             * @typedef {driftwatch.v1.AgentState.$Properties} driftwatch.v1.AgentState.$Shape
             */

            /**
             * Constructs a new AgentState.
             * @memberof driftwatch.v1
             * @classdesc Represents an AgentState.
             * @constructor
             * @param {driftwatch.v1.AgentState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentState = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentState baselineRoot.
             * @member {Uint8Array} baselineRoot
             * @memberof driftwatch.v1.AgentState
             * @instance
             */
            AgentState.prototype.baselineRoot = $util.newBuffer([]);

            /**
             * AgentState ackedSeq.
             * @member {number} ackedSeq
             * @memberof driftwatch.v1.AgentState
             * @instance
             */
            AgentState.prototype.ackedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentState lastEventHash.
             * @member {Uint8Array} lastEventHash
             * @memberof driftwatch.v1.AgentState
             * @instance
             */
            AgentState.prototype.lastEventHash = $util.newBuffer([]);

            /**
             * Creates a new AgentState instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.AgentState
             * @static
             * @param {driftwatch.v1.AgentState.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.AgentState} AgentState instance
             * @type {{
             *   (properties: driftwatch.v1.AgentState.$Shape): driftwatch.v1.AgentState & driftwatch.v1.AgentState.$Shape;
             *   (properties?: driftwatch.v1.AgentState.$Properties): driftwatch.v1.AgentState;
             * }}
             */
            AgentState.create = function(properties) {
                return new AgentState(properties);
            };

            /**
             * Encodes the specified AgentState message. Does not implicitly {@link driftwatch.v1.AgentState.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.AgentState
             * @static
             * @param {driftwatch.v1.AgentState.$Properties} message AgentState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.baselineRoot != null && $Object.hasOwnProperty.call(message, "baselineRoot") && message.baselineRoot.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.baselineRoot);
                if (message.ackedSeq != null && $Object.hasOwnProperty.call(message, "ackedSeq") && (typeof message.ackedSeq === "object" ? message.ackedSeq.low || message.ackedSeq.high : message.ackedSeq !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.ackedSeq);
                if (message.lastEventHash != null && $Object.hasOwnProperty.call(message, "lastEventHash") && message.lastEventHash.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.lastEventHash);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AgentState message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.AgentState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.AgentState & driftwatch.v1.AgentState.$Shape} AgentState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.AgentState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.baselineRoot = value;
                            else
                                delete message.baselineRoot;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.ackedSeq = value;
                            else
                                delete message.ackedSeq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.lastEventHash = value;
                            else
                                delete message.lastEventHash;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AgentState;
        })();

        v1.ErrorReply = (function() {

            /**
             * Properties of an ErrorReply.
             * @typedef {Object} driftwatch.v1.ErrorReply.$Properties
             * @property {string|null} [code] ErrorReply code
             * @property {string|null} [message] ErrorReply message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ErrorReply.
             * @memberof driftwatch.v1
             * @interface IErrorReply
             * @augments driftwatch.v1.ErrorReply.$Properties
             * @deprecated Use driftwatch.v1.ErrorReply.$Properties instead.
             */

            /**
             * Shape of an ErrorReply.
             * @typedef {driftwatch.v1.ErrorReply.$Properties} driftwatch.v1.ErrorReply.$Shape
             */

            /**
             * Constructs a new ErrorReply.
             * @memberof driftwatch.v1
             * @classdesc Represents an ErrorReply.
             * @constructor
             * @param {driftwatch.v1.ErrorReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ErrorReply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ErrorReply code.
             * @member {string} code
             * @memberof driftwatch.v1.ErrorReply
             * @instance
             */
            ErrorReply.prototype.code = "";

            /**
             * ErrorReply message.
             * @member {string} message
             * @memberof driftwatch.v1.ErrorReply
             * @instance
             */
            ErrorReply.prototype.message = "";

            /**
             * Creates a new ErrorReply instance using the specified properties.
             * @function create
             * @memberof driftwatch.v1.ErrorReply
             * @static
             * @param {driftwatch.v1.ErrorReply.$Properties=} [properties] Properties to set
             * @returns {driftwatch.v1.ErrorReply} ErrorReply instance
             * @type {{
             *   (properties: driftwatch.v1.ErrorReply.$Shape): driftwatch.v1.ErrorReply & driftwatch.v1.ErrorReply.$Shape;
             *   (properties?: driftwatch.v1.ErrorReply.$Properties): driftwatch.v1.ErrorReply;
             * }}
             */
            ErrorReply.create = function(properties) {
                return new ErrorReply(properties);
            };

            /**
             * Encodes the specified ErrorReply message. Does not implicitly {@link driftwatch.v1.ErrorReply.verify|verify} messages.
             * @function encode
             * @memberof driftwatch.v1.ErrorReply
             * @static
             * @param {driftwatch.v1.ErrorReply.$Properties} message ErrorReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an ErrorReply message from the specified reader or buffer.
             * @function decode
             * @memberof driftwatch.v1.ErrorReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {driftwatch.v1.ErrorReply & driftwatch.v1.ErrorReply.$Shape} ErrorReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.driftwatch.v1.ErrorReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ErrorReply;
        })();

        return v1;
    })();

    return driftwatch;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.Timestamp = (function() {

            /**
             * Properties of a Timestamp.
             * @typedef {Object} google.protobuf.Timestamp.$Properties
             * @property {number|null} [seconds] Timestamp seconds
             * @property {number|null} [nanos] Timestamp nanos
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Timestamp.
             * @memberof google.protobuf
             * @interface ITimestamp
             * @augments google.protobuf.Timestamp.$Properties
             * @deprecated Use google.protobuf.Timestamp.$Properties instead.
             */

            /**
             * Shape of a Timestamp.
             * @typedef {google.protobuf.Timestamp.$Properties} google.protobuf.Timestamp.$Shape
             */

            /**
             * Constructs a new Timestamp.
             * @memberof google.protobuf
             * @classdesc Represents a Timestamp.
             * @constructor
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Timestamp = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Timestamp seconds.
             * @member {number} seconds
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Timestamp nanos.
             * @member {number} nanos
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.nanos = 0;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.Timestamp} Timestamp instance
             * @type {{
             *   (properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
             *   (properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
             * }}
             */
            Timestamp.create = function(properties) {
                return new Timestamp(properties);
            };

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties} message Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds") && (typeof message.seconds === "object" ? message.seconds.low || message.seconds.high : message.seconds !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.seconds);
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos") && message.nanos !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.nanos);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Timestamp();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.seconds = value;
                            else
                                delete message.seconds;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.nanos = value;
                            else
                                delete message.nanos;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Timestamp;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
