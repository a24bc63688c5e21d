import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace driftwatch. */
export namespace driftwatch {

    /** Namespace v1. */
    namespace v1 {

        /** EventKind enum. */
        enum EventKind {

            /** EVENT_KIND_UNSPECIFIED value */
            EVENT_KIND_UNSPECIFIED = 0,

            /** EVENT_KIND_FILE_ADDED value */
            EVENT_KIND_FILE_ADDED = 1,

            /** EVENT_KIND_FILE_REMOVED value */
            EVENT_KIND_FILE_REMOVED = 2,

            /** EVENT_KIND_FILE_CHANGED value */
            EVENT_KIND_FILE_CHANGED = 3,

            /** EVENT_KIND_PACKAGE_ADDED value */
            EVENT_KIND_PACKAGE_ADDED = 4,

            /** EVENT_KIND_PACKAGE_REMOVED value */
            EVENT_KIND_PACKAGE_REMOVED = 5,

            /** EVENT_KIND_PACKAGE_CHANGED value */
            EVENT_KIND_PACKAGE_CHANGED = 6,

            /** EVENT_KIND_PACKAGE_FILE_MODIFIED value */
            EVENT_KIND_PACKAGE_FILE_MODIFIED = 7,

            /** EVENT_KIND_LOGIN value */
            EVENT_KIND_LOGIN = 8,

            /** EVENT_KIND_COVERAGE_GAP value */
            EVENT_KIND_COVERAGE_GAP = 9,

            /** EVENT_KIND_AGENT_STOPPED value */
            EVENT_KIND_AGENT_STOPPED = 10
        }

        /** Change enum. */
        enum Change {

            /** CHANGE_UNSPECIFIED value */
            CHANGE_UNSPECIFIED = 0,

            /** CHANGE_CONTENT value */
            CHANGE_CONTENT = 1,

            /** CHANGE_MODE value */
            CHANGE_MODE = 2,

            /** CHANGE_UID value */
            CHANGE_UID = 3,

            /** CHANGE_GID value */
            CHANGE_GID = 4,

            /** CHANGE_TYPE value */
            CHANGE_TYPE = 5,

            /** CHANGE_TARGET value */
            CHANGE_TARGET = 6,

            /** CHANGE_CAPABILITIES value */
            CHANGE_CAPABILITIES = 7
        }

        /**
         * Properties of a Login.
         * @deprecated Use driftwatch.v1.Login.$Properties instead.
         */
        interface ILogin extends driftwatch.v1.Login.$Properties {
        }

        /** Represents a Login. */
        class Login {

            /**
             * Constructs a new Login.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.Login.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Login user. */
            user: string;

            /** Login tty. */
            tty: string;

            /** Login origin. */
            origin: string;

            /**
             * Creates a new Login instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Login instance
             */
            static create(properties: driftwatch.v1.Login.$Shape): driftwatch.v1.Login & driftwatch.v1.Login.$Shape;
            static create(properties?: driftwatch.v1.Login.$Properties): driftwatch.v1.Login;

            /**
             * Encodes the specified Login message. Does not implicitly {@link driftwatch.v1.Login.verify|verify} messages.
             * @param message Login message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.Login.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Login message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.Login & driftwatch.v1.Login.$Shape} Login
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.Login & driftwatch.v1.Login.$Shape;
        }

        namespace Login {

            /** Properties of a Login. */
            interface $Properties {

                /** Login user */
                user?: (string|null);

                /** Login tty */
                tty?: (string|null);

                /** Login origin */
                origin?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Login. */
            type $Shape = driftwatch.v1.Login.$Properties;
        }

        /**
         * Properties of a CapturedContent.
         * @deprecated Use driftwatch.v1.CapturedContent.$Properties instead.
         */
        interface ICapturedContent extends driftwatch.v1.CapturedContent.$Properties {
        }

        /** Represents a CapturedContent. */
        class CapturedContent {

            /**
             * Constructs a new CapturedContent.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.CapturedContent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CapturedContent sha256. */
            sha256: Uint8Array;

            /** CapturedContent compressed. */
            compressed: Uint8Array;

            /** CapturedContent size. */
            size: number;

            /** CapturedContent redacted. */
            redacted: boolean;

            /**
             * Creates a new CapturedContent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CapturedContent instance
             */
            static create(properties: driftwatch.v1.CapturedContent.$Shape): driftwatch.v1.CapturedContent & driftwatch.v1.CapturedContent.$Shape;
            static create(properties?: driftwatch.v1.CapturedContent.$Properties): driftwatch.v1.CapturedContent;

            /**
             * Encodes the specified CapturedContent message. Does not implicitly {@link driftwatch.v1.CapturedContent.verify|verify} messages.
             * @param message CapturedContent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.CapturedContent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CapturedContent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.CapturedContent & driftwatch.v1.CapturedContent.$Shape} CapturedContent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.CapturedContent & driftwatch.v1.CapturedContent.$Shape;
        }

        namespace CapturedContent {

            /** Properties of a CapturedContent. */
            interface $Properties {

                /** CapturedContent sha256 */
                sha256?: (Uint8Array|null);

                /** CapturedContent compressed */
                compressed?: (Uint8Array|null);

                /** CapturedContent size */
                size?: (number|null);

                /** CapturedContent redacted */
                redacted?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CapturedContent. */
            type $Shape = driftwatch.v1.CapturedContent.$Properties;
        }

        /** CaptureSkip enum. */
        enum CaptureSkip {

            /** CAPTURE_SKIP_UNSPECIFIED value */
            CAPTURE_SKIP_UNSPECIFIED = 0,

            /** CAPTURE_SKIP_NOT_MATCHED value */
            CAPTURE_SKIP_NOT_MATCHED = 1,

            /** CAPTURE_SKIP_DENYLISTED value */
            CAPTURE_SKIP_DENYLISTED = 2,

            /** CAPTURE_SKIP_TOO_LARGE value */
            CAPTURE_SKIP_TOO_LARGE = 3,

            /** CAPTURE_SKIP_BINARY value */
            CAPTURE_SKIP_BINARY = 4,

            /** CAPTURE_SKIP_UNREADABLE value */
            CAPTURE_SKIP_UNREADABLE = 5,

            /** CAPTURE_SKIP_BUDGET value */
            CAPTURE_SKIP_BUDGET = 6
        }

        /**
         * Properties of a DriftEvent.
         * @deprecated Use driftwatch.v1.DriftEvent.$Properties instead.
         */
        interface IDriftEvent extends driftwatch.v1.DriftEvent.$Properties {
        }

        /** Represents a DriftEvent. */
        class DriftEvent {

            /**
             * Constructs a new DriftEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.DriftEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DriftEvent seq. */
            seq: number;

            /** DriftEvent kind. */
            kind: driftwatch.v1.EventKind;

            /** DriftEvent path. */
            path: Uint8Array;

            /** DriftEvent changes. */
            changes: driftwatch.v1.Change[];

            /** DriftEvent package. */
            package?: (driftwatch.v1.Package.$Properties|null);

            /** DriftEvent previous. */
            previous?: (driftwatch.v1.Package.$Properties|null);

            /** DriftEvent before. */
            before?: (driftwatch.v1.FileEntry.$Properties|null);

            /** DriftEvent after. */
            after?: (driftwatch.v1.FileEntry.$Properties|null);

            /** DriftEvent login. */
            login?: (driftwatch.v1.Login.$Properties|null);

            /** DriftEvent detail. */
            detail: string;

            /** DriftEvent observedAt. */
            observedAt?: (google.protobuf.Timestamp.$Properties|null);

            /** DriftEvent prevHash. */
            prevHash: Uint8Array;

            /** DriftEvent hash. */
            hash: Uint8Array;

            /** DriftEvent content. */
            content?: (driftwatch.v1.CapturedContent.$Properties|null);

            /** DriftEvent captureSkip. */
            captureSkip: driftwatch.v1.CaptureSkip;

            /**
             * Creates a new DriftEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DriftEvent instance
             */
            static create(properties: driftwatch.v1.DriftEvent.$Shape): driftwatch.v1.DriftEvent & driftwatch.v1.DriftEvent.$Shape;
            static create(properties?: driftwatch.v1.DriftEvent.$Properties): driftwatch.v1.DriftEvent;

            /**
             * Encodes the specified DriftEvent message. Does not implicitly {@link driftwatch.v1.DriftEvent.verify|verify} messages.
             * @param message DriftEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.DriftEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DriftEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.DriftEvent & driftwatch.v1.DriftEvent.$Shape} DriftEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.DriftEvent & driftwatch.v1.DriftEvent.$Shape;
        }

        namespace DriftEvent {

            /** Properties of a DriftEvent. */
            interface $Properties {

                /** DriftEvent seq */
                seq?: (number|null);

                /** DriftEvent kind */
                kind?: (driftwatch.v1.EventKind|null);

                /** DriftEvent path */
                path?: (Uint8Array|null);

                /** DriftEvent changes */
                changes?: (driftwatch.v1.Change[]|null);

                /** DriftEvent package */
                "package"?: (driftwatch.v1.Package.$Properties|null);

                /** DriftEvent previous */
                previous?: (driftwatch.v1.Package.$Properties|null);

                /** DriftEvent before */
                before?: (driftwatch.v1.FileEntry.$Properties|null);

                /** DriftEvent after */
                after?: (driftwatch.v1.FileEntry.$Properties|null);

                /** DriftEvent login */
                login?: (driftwatch.v1.Login.$Properties|null);

                /** DriftEvent detail */
                detail?: (string|null);

                /** DriftEvent observedAt */
                observedAt?: (google.protobuf.Timestamp.$Properties|null);

                /** DriftEvent prevHash */
                prevHash?: (Uint8Array|null);

                /** DriftEvent hash */
                hash?: (Uint8Array|null);

                /** DriftEvent content */
                content?: (driftwatch.v1.CapturedContent.$Properties|null);

                /** DriftEvent captureSkip */
                captureSkip?: (driftwatch.v1.CaptureSkip|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DriftEvent. */
            type $Shape = driftwatch.v1.DriftEvent.$Properties;
        }

        /**
         * Properties of an EventBatch.
         * @deprecated Use driftwatch.v1.EventBatch.$Properties instead.
         */
        interface IEventBatch extends driftwatch.v1.EventBatch.$Properties {
        }

        /** Represents an EventBatch. */
        class EventBatch {

            /**
             * Constructs a new EventBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.EventBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EventBatch events. */
            events: driftwatch.v1.DriftEvent.$Properties[];

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EventBatch instance
             */
            static create(properties: driftwatch.v1.EventBatch.$Shape): driftwatch.v1.EventBatch & driftwatch.v1.EventBatch.$Shape;
            static create(properties?: driftwatch.v1.EventBatch.$Properties): driftwatch.v1.EventBatch;

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link driftwatch.v1.EventBatch.verify|verify} messages.
             * @param message EventBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.EventBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.EventBatch & driftwatch.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.EventBatch & driftwatch.v1.EventBatch.$Shape;
        }

        namespace EventBatch {

            /** Properties of an EventBatch. */
            interface $Properties {

                /** EventBatch events */
                events?: (driftwatch.v1.DriftEvent.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EventBatch. */
            type $Shape = driftwatch.v1.EventBatch.$Properties;
        }

        /**
         * Properties of a HostFacts.
         * @deprecated Use driftwatch.v1.HostFacts.$Properties instead.
         */
        interface IHostFacts extends driftwatch.v1.HostFacts.$Properties {
        }

        /** Represents a HostFacts. */
        class HostFacts {

            /**
             * Constructs a new HostFacts.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.HostFacts.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HostFacts hostname. */
            hostname: string;

            /** HostFacts machineId. */
            machineId: string;

            /** HostFacts bootId. */
            bootId: string;

            /** HostFacts instanceId. */
            instanceId: string;

            /** HostFacts imageId. */
            imageId: string;

            /** HostFacts os. */
            os: string;

            /** HostFacts kernel. */
            kernel: string;

            /** HostFacts arch. */
            arch: string;

            /** HostFacts labels. */
            labels: { [k: string]: string };

            /**
             * Creates a new HostFacts instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HostFacts instance
             */
            static create(properties: driftwatch.v1.HostFacts.$Shape): driftwatch.v1.HostFacts & driftwatch.v1.HostFacts.$Shape;
            static create(properties?: driftwatch.v1.HostFacts.$Properties): driftwatch.v1.HostFacts;

            /**
             * Encodes the specified HostFacts message. Does not implicitly {@link driftwatch.v1.HostFacts.verify|verify} messages.
             * @param message HostFacts message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.HostFacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HostFacts message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.HostFacts & driftwatch.v1.HostFacts.$Shape} HostFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.HostFacts & driftwatch.v1.HostFacts.$Shape;
        }

        namespace HostFacts {

            /** Properties of a HostFacts. */
            interface $Properties {

                /** HostFacts hostname */
                hostname?: (string|null);

                /** HostFacts machineId */
                machineId?: (string|null);

                /** HostFacts bootId */
                bootId?: (string|null);

                /** HostFacts instanceId */
                instanceId?: (string|null);

                /** HostFacts imageId */
                imageId?: (string|null);

                /** HostFacts os */
                os?: (string|null);

                /** HostFacts kernel */
                kernel?: (string|null);

                /** HostFacts arch */
                arch?: (string|null);

                /** HostFacts labels */
                labels?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HostFacts. */
            type $Shape = driftwatch.v1.HostFacts.$Properties;
        }

        /** FileType enum. */
        enum FileType {

            /** FILE_TYPE_UNSPECIFIED value */
            FILE_TYPE_UNSPECIFIED = 0,

            /** FILE_TYPE_FILE value */
            FILE_TYPE_FILE = 1,

            /** FILE_TYPE_DIR value */
            FILE_TYPE_DIR = 2,

            /** FILE_TYPE_SYMLINK value */
            FILE_TYPE_SYMLINK = 3,

            /** FILE_TYPE_FIFO value */
            FILE_TYPE_FIFO = 4,

            /** FILE_TYPE_SOCKET value */
            FILE_TYPE_SOCKET = 5,

            /** FILE_TYPE_CHAR_DEVICE value */
            FILE_TYPE_CHAR_DEVICE = 6,

            /** FILE_TYPE_BLOCK_DEVICE value */
            FILE_TYPE_BLOCK_DEVICE = 7
        }

        /**
         * Properties of a FileEntry.
         * @deprecated Use driftwatch.v1.FileEntry.$Properties instead.
         */
        interface IFileEntry extends driftwatch.v1.FileEntry.$Properties {
        }

        /** Represents a FileEntry. */
        class FileEntry {

            /**
             * Constructs a new FileEntry.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.FileEntry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FileEntry path. */
            path: Uint8Array;

            /** FileEntry type. */
            type: driftwatch.v1.FileType;

            /** FileEntry mode. */
            mode: number;

            /** FileEntry uid. */
            uid: number;

            /** FileEntry gid. */
            gid: number;

            /** FileEntry size. */
            size: number;

            /** FileEntry mtime. */
            mtime?: (google.protobuf.Timestamp.$Properties|null);

            /** FileEntry ctime. */
            ctime?: (google.protobuf.Timestamp.$Properties|null);

            /** FileEntry inode. */
            inode: number;

            /** FileEntry sha256. */
            sha256: Uint8Array;

            /** FileEntry target. */
            target: Uint8Array;

            /** FileEntry capabilities. */
            capabilities: Uint8Array;

            /** FileEntry error. */
            error: string;

            /**
             * Creates a new FileEntry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FileEntry instance
             */
            static create(properties: driftwatch.v1.FileEntry.$Shape): driftwatch.v1.FileEntry & driftwatch.v1.FileEntry.$Shape;
            static create(properties?: driftwatch.v1.FileEntry.$Properties): driftwatch.v1.FileEntry;

            /**
             * Encodes the specified FileEntry message. Does not implicitly {@link driftwatch.v1.FileEntry.verify|verify} messages.
             * @param message FileEntry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.FileEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FileEntry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.FileEntry & driftwatch.v1.FileEntry.$Shape} FileEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.FileEntry & driftwatch.v1.FileEntry.$Shape;
        }

        namespace FileEntry {

            /** Properties of a FileEntry. */
            interface $Properties {

                /** FileEntry path */
                path?: (Uint8Array|null);

                /** FileEntry type */
                type?: (driftwatch.v1.FileType|null);

                /** FileEntry mode */
                mode?: (number|null);

                /** FileEntry uid */
                uid?: (number|null);

                /** FileEntry gid */
                gid?: (number|null);

                /** FileEntry size */
                size?: (number|null);

                /** FileEntry mtime */
                mtime?: (google.protobuf.Timestamp.$Properties|null);

                /** FileEntry ctime */
                ctime?: (google.protobuf.Timestamp.$Properties|null);

                /** FileEntry inode */
                inode?: (number|null);

                /** FileEntry sha256 */
                sha256?: (Uint8Array|null);

                /** FileEntry target */
                target?: (Uint8Array|null);

                /** FileEntry capabilities */
                capabilities?: (Uint8Array|null);

                /** FileEntry error */
                error?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FileEntry. */
            type $Shape = driftwatch.v1.FileEntry.$Properties;
        }

        /**
         * Properties of a Package.
         * @deprecated Use driftwatch.v1.Package.$Properties instead.
         */
        interface IPackage extends driftwatch.v1.Package.$Properties {
        }

        /** Represents a Package. */
        class Package {

            /**
             * Constructs a new Package.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.Package.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Package manager. */
            manager: string;

            /** Package name. */
            name: string;

            /** Package version. */
            version: string;

            /** Package arch. */
            arch: string;

            /**
             * Creates a new Package instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Package instance
             */
            static create(properties: driftwatch.v1.Package.$Shape): driftwatch.v1.Package & driftwatch.v1.Package.$Shape;
            static create(properties?: driftwatch.v1.Package.$Properties): driftwatch.v1.Package;

            /**
             * Encodes the specified Package message. Does not implicitly {@link driftwatch.v1.Package.verify|verify} messages.
             * @param message Package message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.Package.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Package message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.Package & driftwatch.v1.Package.$Shape} Package
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.Package & driftwatch.v1.Package.$Shape;
        }

        namespace Package {

            /** Properties of a Package. */
            interface $Properties {

                /** Package manager */
                manager?: (string|null);

                /** Package name */
                name?: (string|null);

                /** Package version */
                version?: (string|null);

                /** Package arch */
                arch?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Package. */
            type $Shape = driftwatch.v1.Package.$Properties;
        }

        /**
         * Properties of a PackageFileMismatch.
         * @deprecated Use driftwatch.v1.PackageFileMismatch.$Properties instead.
         */
        interface IPackageFileMismatch extends driftwatch.v1.PackageFileMismatch.$Properties {
        }

        /** Represents a PackageFileMismatch. */
        class PackageFileMismatch {

            /**
             * Constructs a new PackageFileMismatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.PackageFileMismatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PackageFileMismatch path. */
            path: Uint8Array;

            /** PackageFileMismatch package. */
            package?: (driftwatch.v1.Package.$Properties|null);

            /** PackageFileMismatch algorithm. */
            algorithm: string;

            /** PackageFileMismatch expected. */
            expected: string;

            /** PackageFileMismatch actual. */
            actual: string;

            /**
             * Creates a new PackageFileMismatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PackageFileMismatch instance
             */
            static create(properties: driftwatch.v1.PackageFileMismatch.$Shape): driftwatch.v1.PackageFileMismatch & driftwatch.v1.PackageFileMismatch.$Shape;
            static create(properties?: driftwatch.v1.PackageFileMismatch.$Properties): driftwatch.v1.PackageFileMismatch;

            /**
             * Encodes the specified PackageFileMismatch message. Does not implicitly {@link driftwatch.v1.PackageFileMismatch.verify|verify} messages.
             * @param message PackageFileMismatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.PackageFileMismatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PackageFileMismatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.PackageFileMismatch & driftwatch.v1.PackageFileMismatch.$Shape} PackageFileMismatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.PackageFileMismatch & driftwatch.v1.PackageFileMismatch.$Shape;
        }

        namespace PackageFileMismatch {

            /** Properties of a PackageFileMismatch. */
            interface $Properties {

                /** PackageFileMismatch path */
                path?: (Uint8Array|null);

                /** PackageFileMismatch package */
                "package"?: (driftwatch.v1.Package.$Properties|null);

                /** PackageFileMismatch algorithm */
                algorithm?: (string|null);

                /** PackageFileMismatch expected */
                expected?: (string|null);

                /** PackageFileMismatch actual */
                actual?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PackageFileMismatch. */
            type $Shape = driftwatch.v1.PackageFileMismatch.$Properties;
        }

        /**
         * Properties of a Manifest.
         * @deprecated Use driftwatch.v1.Manifest.$Properties instead.
         */
        interface IManifest extends driftwatch.v1.Manifest.$Properties {
        }

        /** Represents a Manifest. */
        class Manifest {

            /**
             * Constructs a new Manifest.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.Manifest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Manifest formatVersion. */
            formatVersion: number;

            /** Manifest createdAt. */
            createdAt?: (google.protobuf.Timestamp.$Properties|null);

            /** Manifest host. */
            host?: (driftwatch.v1.HostFacts.$Properties|null);

            /** Manifest scannedPaths. */
            scannedPaths: Uint8Array[];

            /** Manifest files. */
            files: driftwatch.v1.FileEntry.$Properties[];

            /** Manifest packages. */
            packages: driftwatch.v1.Package.$Properties[];

            /** Manifest packageMismatches. */
            packageMismatches: driftwatch.v1.PackageFileMismatch.$Properties[];

            /** Manifest merkleRoot. */
            merkleRoot: Uint8Array;

            /** Manifest ignored. */
            ignored: string[];

            /**
             * Creates a new Manifest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Manifest instance
             */
            static create(properties: driftwatch.v1.Manifest.$Shape): driftwatch.v1.Manifest & driftwatch.v1.Manifest.$Shape;
            static create(properties?: driftwatch.v1.Manifest.$Properties): driftwatch.v1.Manifest;

            /**
             * Encodes the specified Manifest message. Does not implicitly {@link driftwatch.v1.Manifest.verify|verify} messages.
             * @param message Manifest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.Manifest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Manifest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.Manifest & driftwatch.v1.Manifest.$Shape} Manifest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.Manifest & driftwatch.v1.Manifest.$Shape;
        }

        namespace Manifest {

            /** Properties of a Manifest. */
            interface $Properties {

                /** Manifest formatVersion */
                formatVersion?: (number|null);

                /** Manifest createdAt */
                createdAt?: (google.protobuf.Timestamp.$Properties|null);

                /** Manifest host */
                host?: (driftwatch.v1.HostFacts.$Properties|null);

                /** Manifest scannedPaths */
                scannedPaths?: (Uint8Array[]|null);

                /** Manifest files */
                files?: (driftwatch.v1.FileEntry.$Properties[]|null);

                /** Manifest packages */
                packages?: (driftwatch.v1.Package.$Properties[]|null);

                /** Manifest packageMismatches */
                packageMismatches?: (driftwatch.v1.PackageFileMismatch.$Properties[]|null);

                /** Manifest merkleRoot */
                merkleRoot?: (Uint8Array|null);

                /** Manifest ignored */
                ignored?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Manifest. */
            type $Shape = driftwatch.v1.Manifest.$Properties;
        }

        /**
         * Properties of an EnrollRequest.
         * @deprecated Use driftwatch.v1.EnrollRequest.$Properties instead.
         */
        interface IEnrollRequest extends driftwatch.v1.EnrollRequest.$Properties {
        }

        /** Represents an EnrollRequest. */
        class EnrollRequest {

            /**
             * Constructs a new EnrollRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.EnrollRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnrollRequest enrollToken. */
            enrollToken: string;

            /** EnrollRequest host. */
            host?: (driftwatch.v1.HostFacts.$Properties|null);

            /** EnrollRequest publicKey. */
            publicKey: Uint8Array;

            /**
             * Creates a new EnrollRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnrollRequest instance
             */
            static create(properties: driftwatch.v1.EnrollRequest.$Shape): driftwatch.v1.EnrollRequest & driftwatch.v1.EnrollRequest.$Shape;
            static create(properties?: driftwatch.v1.EnrollRequest.$Properties): driftwatch.v1.EnrollRequest;

            /**
             * Encodes the specified EnrollRequest message. Does not implicitly {@link driftwatch.v1.EnrollRequest.verify|verify} messages.
             * @param message EnrollRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.EnrollRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnrollRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.EnrollRequest & driftwatch.v1.EnrollRequest.$Shape} EnrollRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.EnrollRequest & driftwatch.v1.EnrollRequest.$Shape;
        }

        namespace EnrollRequest {

            /** Properties of an EnrollRequest. */
            interface $Properties {

                /** EnrollRequest enrollToken */
                enrollToken?: (string|null);

                /** EnrollRequest host */
                host?: (driftwatch.v1.HostFacts.$Properties|null);

                /** EnrollRequest publicKey */
                publicKey?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnrollRequest. */
            type $Shape = driftwatch.v1.EnrollRequest.$Properties;
        }

        /**
         * Properties of an EnrollResponse.
         * @deprecated Use driftwatch.v1.EnrollResponse.$Properties instead.
         */
        interface IEnrollResponse extends driftwatch.v1.EnrollResponse.$Properties {
        }

        /** Represents an EnrollResponse. */
        class EnrollResponse {

            /**
             * Constructs a new EnrollResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.EnrollResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnrollResponse hostId. */
            hostId: string;

            /**
             * Creates a new EnrollResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnrollResponse instance
             */
            static create(properties: driftwatch.v1.EnrollResponse.$Shape): driftwatch.v1.EnrollResponse & driftwatch.v1.EnrollResponse.$Shape;
            static create(properties?: driftwatch.v1.EnrollResponse.$Properties): driftwatch.v1.EnrollResponse;

            /**
             * Encodes the specified EnrollResponse message. Does not implicitly {@link driftwatch.v1.EnrollResponse.verify|verify} messages.
             * @param message EnrollResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.EnrollResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnrollResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.EnrollResponse & driftwatch.v1.EnrollResponse.$Shape} EnrollResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.EnrollResponse & driftwatch.v1.EnrollResponse.$Shape;
        }

        namespace EnrollResponse {

            /** Properties of an EnrollResponse. */
            interface $Properties {

                /** EnrollResponse hostId */
                hostId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnrollResponse. */
            type $Shape = driftwatch.v1.EnrollResponse.$Properties;
        }

        /**
         * Properties of a BaselineUpload.
         * @deprecated Use driftwatch.v1.BaselineUpload.$Properties instead.
         */
        interface IBaselineUpload extends driftwatch.v1.BaselineUpload.$Properties {
        }

        /** Represents a BaselineUpload. */
        class BaselineUpload {

            /**
             * Constructs a new BaselineUpload.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.BaselineUpload.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BaselineUpload manifest. */
            manifest?: (driftwatch.v1.Manifest.$Properties|null);

            /**
             * Creates a new BaselineUpload instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BaselineUpload instance
             */
            static create(properties: driftwatch.v1.BaselineUpload.$Shape): driftwatch.v1.BaselineUpload & driftwatch.v1.BaselineUpload.$Shape;
            static create(properties?: driftwatch.v1.BaselineUpload.$Properties): driftwatch.v1.BaselineUpload;

            /**
             * Encodes the specified BaselineUpload message. Does not implicitly {@link driftwatch.v1.BaselineUpload.verify|verify} messages.
             * @param message BaselineUpload message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.BaselineUpload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BaselineUpload message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.BaselineUpload & driftwatch.v1.BaselineUpload.$Shape} BaselineUpload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.BaselineUpload & driftwatch.v1.BaselineUpload.$Shape;
        }

        namespace BaselineUpload {

            /** Properties of a BaselineUpload. */
            interface $Properties {

                /** BaselineUpload manifest */
                manifest?: (driftwatch.v1.Manifest.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BaselineUpload. */
            type $Shape = driftwatch.v1.BaselineUpload.$Properties;
        }

        /**
         * Properties of a ContentUpload.
         * @deprecated Use driftwatch.v1.ContentUpload.$Properties instead.
         */
        interface IContentUpload extends driftwatch.v1.ContentUpload.$Properties {
        }

        /** Represents a ContentUpload. */
        class ContentUpload {

            /**
             * Constructs a new ContentUpload.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.ContentUpload.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ContentUpload contents. */
            contents: driftwatch.v1.CapturedContent.$Properties[];

            /**
             * Creates a new ContentUpload instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ContentUpload instance
             */
            static create(properties: driftwatch.v1.ContentUpload.$Shape): driftwatch.v1.ContentUpload & driftwatch.v1.ContentUpload.$Shape;
            static create(properties?: driftwatch.v1.ContentUpload.$Properties): driftwatch.v1.ContentUpload;

            /**
             * Encodes the specified ContentUpload message. Does not implicitly {@link driftwatch.v1.ContentUpload.verify|verify} messages.
             * @param message ContentUpload message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.ContentUpload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ContentUpload message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.ContentUpload & driftwatch.v1.ContentUpload.$Shape} ContentUpload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.ContentUpload & driftwatch.v1.ContentUpload.$Shape;
        }

        namespace ContentUpload {

            /** Properties of a ContentUpload. */
            interface $Properties {

                /** ContentUpload contents */
                contents?: (driftwatch.v1.CapturedContent.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ContentUpload. */
            type $Shape = driftwatch.v1.ContentUpload.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use driftwatch.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends driftwatch.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat sentAt. */
            sentAt?: (google.protobuf.Timestamp.$Properties|null);

            /** Heartbeat merkleRoot. */
            merkleRoot: Uint8Array;

            /** Heartbeat lastSeq. */
            lastSeq: number;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: driftwatch.v1.Heartbeat.$Shape): driftwatch.v1.Heartbeat & driftwatch.v1.Heartbeat.$Shape;
            static create(properties?: driftwatch.v1.Heartbeat.$Properties): driftwatch.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link driftwatch.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.Heartbeat & driftwatch.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.Heartbeat & driftwatch.v1.Heartbeat.$Shape;
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat sentAt */
                sentAt?: (google.protobuf.Timestamp.$Properties|null);

                /** Heartbeat merkleRoot */
                merkleRoot?: (Uint8Array|null);

                /** Heartbeat lastSeq */
                lastSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = driftwatch.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of a Directive.
         * @deprecated Use driftwatch.v1.Directive.$Properties instead.
         */
        interface IDirective extends driftwatch.v1.Directive.$Properties {
        }

        /** Represents a Directive. */
        class Directive {

            /**
             * Constructs a new Directive.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.Directive.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Directive kind. */
            kind: driftwatch.v1.Directive.Kind;

            /** Directive reason. */
            reason: string;

            /**
             * Creates a new Directive instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Directive instance
             */
            static create(properties: driftwatch.v1.Directive.$Shape): driftwatch.v1.Directive & driftwatch.v1.Directive.$Shape;
            static create(properties?: driftwatch.v1.Directive.$Properties): driftwatch.v1.Directive;

            /**
             * Encodes the specified Directive message. Does not implicitly {@link driftwatch.v1.Directive.verify|verify} messages.
             * @param message Directive message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.Directive.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Directive message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.Directive & driftwatch.v1.Directive.$Shape} Directive
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.Directive & driftwatch.v1.Directive.$Shape;
        }

        namespace Directive {

            /** Properties of a Directive. */
            interface $Properties {

                /** Directive kind */
                kind?: (driftwatch.v1.Directive.Kind|null);

                /** Directive reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Directive. */
            type $Shape = driftwatch.v1.Directive.$Properties;

            /** Kind enum. */
            enum Kind {

                /** KIND_UNSPECIFIED value */
                KIND_UNSPECIFIED = 0,

                /** KIND_RESCAN value */
                KIND_RESCAN = 1,

                /** KIND_SHUTDOWN value */
                KIND_SHUTDOWN = 2
            }
        }

        /**
         * Properties of an Ack.
         * @deprecated Use driftwatch.v1.Ack.$Properties instead.
         */
        interface IAck extends driftwatch.v1.Ack.$Properties {
        }

        /** Represents an Ack. */
        class Ack {

            /**
             * Constructs a new Ack.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.Ack.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ack ackedSeq. */
            ackedSeq: number;

            /** Ack directives. */
            directives: driftwatch.v1.Directive.$Properties[];

            /**
             * Creates a new Ack instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ack instance
             */
            static create(properties: driftwatch.v1.Ack.$Shape): driftwatch.v1.Ack & driftwatch.v1.Ack.$Shape;
            static create(properties?: driftwatch.v1.Ack.$Properties): driftwatch.v1.Ack;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link driftwatch.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.Ack & driftwatch.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.Ack & driftwatch.v1.Ack.$Shape;
        }

        namespace Ack {

            /** Properties of an Ack. */
            interface $Properties {

                /** Ack ackedSeq */
                ackedSeq?: (number|null);

                /** Ack directives */
                directives?: (driftwatch.v1.Directive.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Ack. */
            type $Shape = driftwatch.v1.Ack.$Properties;
        }

        /**
         * Properties of an AgentState.
         * @deprecated Use driftwatch.v1.AgentState.$Properties instead.
         */
        interface IAgentState extends driftwatch.v1.AgentState.$Properties {
        }

        /** Represents an AgentState. */
        class AgentState {

            /**
             * Constructs a new AgentState.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.AgentState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgentState baselineRoot. */
            baselineRoot: Uint8Array;

            /** AgentState ackedSeq. */
            ackedSeq: number;

            /** AgentState lastEventHash. */
            lastEventHash: Uint8Array;

            /**
             * Creates a new AgentState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentState instance
             */
            static create(properties: driftwatch.v1.AgentState.$Shape): driftwatch.v1.AgentState & driftwatch.v1.AgentState.$Shape;
            static create(properties?: driftwatch.v1.AgentState.$Properties): driftwatch.v1.AgentState;

            /**
             * Encodes the specified AgentState message. Does not implicitly {@link driftwatch.v1.AgentState.verify|verify} messages.
             * @param message AgentState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.AgentState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.AgentState & driftwatch.v1.AgentState.$Shape} AgentState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.AgentState & driftwatch.v1.AgentState.$Shape;
        }

        namespace AgentState {

            /** Properties of an AgentState. */
            interface $Properties {

                /** AgentState baselineRoot */
                baselineRoot?: (Uint8Array|null);

                /** AgentState ackedSeq */
                ackedSeq?: (number|null);

                /** AgentState lastEventHash */
                lastEventHash?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AgentState. */
            type $Shape = driftwatch.v1.AgentState.$Properties;
        }

        /**
         * Properties of an ErrorReply.
         * @deprecated Use driftwatch.v1.ErrorReply.$Properties instead.
         */
        interface IErrorReply extends driftwatch.v1.ErrorReply.$Properties {
        }

        /** Represents an ErrorReply. */
        class ErrorReply {

            /**
             * Constructs a new ErrorReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: driftwatch.v1.ErrorReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ErrorReply code. */
            code: string;

            /** ErrorReply message. */
            message: string;

            /**
             * Creates a new ErrorReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ErrorReply instance
             */
            static create(properties: driftwatch.v1.ErrorReply.$Shape): driftwatch.v1.ErrorReply & driftwatch.v1.ErrorReply.$Shape;
            static create(properties?: driftwatch.v1.ErrorReply.$Properties): driftwatch.v1.ErrorReply;

            /**
             * Encodes the specified ErrorReply message. Does not implicitly {@link driftwatch.v1.ErrorReply.verify|verify} messages.
             * @param message ErrorReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: driftwatch.v1.ErrorReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ErrorReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {driftwatch.v1.ErrorReply & driftwatch.v1.ErrorReply.$Shape} ErrorReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): driftwatch.v1.ErrorReply & driftwatch.v1.ErrorReply.$Shape;
        }

        namespace ErrorReply {

            /** Properties of an ErrorReply. */
            interface $Properties {

                /** ErrorReply code */
                code?: (string|null);

                /** ErrorReply message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ErrorReply. */
            type $Shape = driftwatch.v1.ErrorReply.$Properties;
        }
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a Timestamp.
         * @deprecated Use google.protobuf.Timestamp.$Properties instead.
         */
        interface ITimestamp extends google.protobuf.Timestamp.$Properties {
        }

        /** Represents a Timestamp. */
        class Timestamp {

            /**
             * Constructs a new Timestamp.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Timestamp.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Timestamp seconds. */
            seconds: number;

            /** Timestamp nanos. */
            nanos: number;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Timestamp instance
             */
            static create(properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static create(properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param message Timestamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Timestamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
        }

        namespace Timestamp {

            /** Properties of a Timestamp. */
            interface $Properties {

                /** Timestamp seconds */
                seconds?: (number|null);

                /** Timestamp nanos */
                nanos?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Timestamp. */
            type $Shape = google.protobuf.Timestamp.$Properties;
        }
    }
}
